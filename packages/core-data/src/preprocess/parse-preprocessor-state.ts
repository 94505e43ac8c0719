// Validates a preprocessor's saved JSON before serving trusts it: a wrong format version, a missing
// field or a parameter that does not fit its feature fails here, naming the field, instead of
// producing quietly wrong predictions.
import type { FeatureSpec, LabelSpec } from '../schema/feature-schema'
import { describeValue } from '../values/read-cell-value'
import { type ColumnState, PREPROCESSOR_FORMAT, type PreprocessorState } from './preprocessor-state'
import { type JsonObject, StateFieldReader } from './state-field-reader'

/** Upper bound on hash buckets: far above any useful size, low enough to catch a corrupted number. */
export const MAX_TEXT_DIMENSIONS = 1 << 24

const FIX =
  'refit the preprocessor by re-running training, or restore the preprocessor.json that training wrote'

export function parsePreprocessorState(json: unknown, source = 'preprocessor state'): PreprocessorState {
  const read = new StateFieldReader(source, FIX)
  const root = read.object(json, '')
  if (root.format !== PREPROCESSOR_FORMAT) {
    read.fail(
      'format',
      root.format === undefined ? 'is missing' : `${describeValue(root.format)} is not a supported format`,
      `"${PREPROCESSOR_FORMAT}" (written by this version of sagepack)`,
    )
  }

  const features = read.array(root.features, 'features').map((item, index) => parseFeature(read, item, index))
  const names = features.map((feature) => feature.name)
  const repeated = names.find((name, index) => names.indexOf(name) !== index)
  if (repeated !== undefined)
    read.fail('features', `feature "${repeated}" appears twice`, 'distinct feature names')

  const label = parseLabel(read, root.label)

  const rawColumns = read.array(root.columns, 'columns')
  if (rawColumns.length !== features.length) {
    read.fail(
      'columns',
      `has ${rawColumns.length} entries for ${features.length} features`,
      'one column per feature',
    )
  }
  const columns = features.map((feature, index) => parseColumn(read, rawColumns[index], index, feature))
  return { format: PREPROCESSOR_FORMAT, features, label, columns }
}

function parseFeature(read: StateFieldReader, item: unknown, index: number): FeatureSpec {
  const path = `features[${index}]`
  const spec = read.object(item, path)
  const name = read.string(spec.name, `${path}.name`)
  const doc = spec.doc === undefined ? {} : { doc: read.string(spec.doc, `${path}.doc`) }
  if (spec.kind === 'numeric') return { name, kind: 'numeric', ...parseRange(read, spec, path), ...doc }
  if (spec.kind === 'text') return { name, kind: 'text', ...doc }
  if (spec.kind === 'categorical') {
    if (spec.categories === undefined) return { name, kind: 'categorical', ...doc }
    return {
      name,
      kind: 'categorical',
      categories: read.strings(spec.categories, `${path}.categories`),
      ...doc,
    }
  }
  return read.fail(
    `${path}.kind`,
    `${describeValue(spec.kind)} is not a feature kind`,
    '"numeric", "categorical" or "text"',
  )
}

function parseLabel(read: StateFieldReader, item: unknown): LabelSpec {
  const spec = read.object(item, 'label')
  const name = read.string(spec.name, 'label.name')
  if (spec.kind === 'numeric') return { name, kind: 'numeric', ...parseRange(read, spec, 'label') }
  if (spec.kind === 'class') {
    const classes = read.strings(spec.classes, 'label.classes')
    if (classes.length === 0) read.fail('label.classes', 'is empty', 'at least one class')
    return { name, kind: 'class', classes }
  }
  return read.fail('label.kind', `${describeValue(spec.kind)} is not a label kind`, '"class" or "numeric"')
}

function parseRange(read: StateFieldReader, spec: JsonObject, path: string): { min?: number; max?: number } {
  const min = read.optionalFinite(spec.min, `${path}.min`)
  const max = read.optionalFinite(spec.max, `${path}.max`)
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }
}

function parseColumn(
  read: StateFieldReader,
  item: unknown,
  index: number,
  feature: FeatureSpec,
): ColumnState {
  const path = `columns[${index}]`
  const column = read.object(item, path)
  const name = read.string(column.name, `${path}.name`)
  if (name !== feature.name) {
    read.fail(
      `${path}.name`,
      `"${name}" does not match feature "${feature.name}"`,
      'the feature names, in order',
    )
  }
  if (column.kind !== feature.kind) {
    read.fail(
      `${path}.kind`,
      `${describeValue(column.kind)} does not match feature kind "${feature.kind}"`,
      `"${feature.kind}"`,
    )
  }
  if (feature.kind === 'numeric') {
    const std = read.finite(column.std, `${path}.std`)
    if (std <= 0) read.fail(`${path}.std`, `${std} is not positive`, 'a positive number')
    return { kind: 'numeric', name, mean: read.finite(column.mean, `${path}.mean`), std }
  }
  if (feature.kind === 'categorical') {
    return { kind: 'categorical', name, categories: read.strings(column.categories, `${path}.categories`) }
  }
  const dimensions = read.finite(column.dimensions, `${path}.dimensions`)
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_TEXT_DIMENSIONS) {
    read.fail(
      `${path}.dimensions`,
      `${dimensions} is not a valid bucket count`,
      `an integer from 1 to ${MAX_TEXT_DIMENSIONS}`,
    )
  }
  return { kind: 'text', name, dimensions }
}
