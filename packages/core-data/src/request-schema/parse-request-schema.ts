// Reads a bundle's schema.json back into the request schema serving checks rows with, failing at
// start-up naming the key of a damaged or foreign document rather than checking requests against it.
import { type JsonObject, StateFieldReader } from '../preprocess/state-field-reader'
import { describeValue } from '../values/read-cell-value'
import {
  type MissingFill,
  REQUEST_SCHEMA_FORMAT,
  type RequestFeature,
  type RequestLabel,
  type RequestSchema,
  type ValueRange,
} from './request-schema'
import { ANNOTATIONS } from './request-schema-document'

const FIX = 'rebuild the bundle with `sagepack bundle`; schema.json is written by training, not by hand'

export function parseRequestSchema(json: unknown, source = 'schema.json'): RequestSchema {
  const read = new StateFieldReader(source, FIX)
  const root = read.object(json, '')
  if (root[ANNOTATIONS.format] !== REQUEST_SCHEMA_FORMAT) {
    read.fail(
      ANNOTATIONS.format,
      `${describeValue(root[ANNOTATIONS.format])} is not a supported schema format`,
      `"${REQUEST_SCHEMA_FORMAT}" (written by this version of sagepack)`,
    )
  }
  const properties = read.object(root.properties, 'properties')
  const order = read.strings(root[ANNOTATIONS.order], ANNOTATIONS.order)
  const features = order.map((name) => parseFeature(read, name, properties))
  const extra = Object.keys(properties).find((name) => !order.includes(name))
  if (extra !== undefined) {
    read.fail(`properties.${extra}`, `is not listed in ${ANNOTATIONS.order}`, 'every feature in the order')
  }
  if (typeof root.additionalProperties !== 'boolean') {
    read.fail('additionalProperties', 'is not true or false', 'true (warn) or false (refuse)')
  }
  const defs = read.object(root.$defs, '$defs')
  return {
    model: read.string(root[ANNOTATIONS.model], ANNOTATIONS.model),
    features,
    unknownFields: root.additionalProperties ? 'warn' : 'refuse',
    label: parseLabel(read, defs.label),
  }
}

function parseFeature(read: StateFieldReader, name: string, properties: JsonObject): RequestFeature {
  const path = `properties.${name}`
  const spec = read.object(properties[name], path)
  const kind = spec[ANNOTATIONS.kind]
  if (kind !== 'numeric' && kind !== 'categorical' && kind !== 'text') {
    return read.fail(
      `${path}.${ANNOTATIONS.kind}`,
      `${describeValue(kind)} is not a feature kind`,
      '"numeric", "categorical" or "text"',
    )
  }
  const fill = parseFill(read, spec[ANNOTATIONS.missing], `${path}.${ANNOTATIONS.missing}`, kind)
  const trainingRange = spec[ANNOTATIONS.trainingRange]
  const validRange = spec[ANNOTATIONS.validRange]
  const categories = spec[ANNOTATIONS.categories]
  return {
    name,
    kind,
    ...(spec.description === undefined ? {} : { doc: read.string(spec.description, `${path}.description`) }),
    ...(fill ? { fill } : {}),
    ...(trainingRange === undefined
      ? {}
      : { trainingRange: parseRange(read, trainingRange, `${path}.${ANNOTATIONS.trainingRange}`) }),
    ...(validRange === undefined
      ? {}
      : { validRange: parsePartialRange(read, validRange, `${path}.${ANNOTATIONS.validRange}`) }),
    ...(categories === undefined
      ? {}
      : { categories: read.strings(categories, `${path}.${ANNOTATIONS.categories}`) }),
  }
}

const FILLS: Record<RequestFeature['kind'], MissingFill['fill']> = {
  numeric: 'mean',
  categorical: 'no category',
  text: 'no text',
}

function parseFill(
  read: StateFieldReader,
  value: unknown,
  path: string,
  kind: RequestFeature['kind'],
): MissingFill | undefined {
  if (value === 'refused') return undefined
  const expected = `"refused" or {"fill": "${FILLS[kind]}"${kind === 'numeric' ? ', "value": <mean>' : ''}}`
  const spec = read.object(value, path)
  if (spec.fill !== FILLS[kind])
    read.fail(`${path}.fill`, `${describeValue(spec.fill)} does not fill a ${kind} feature`, expected)
  if (kind === 'numeric') return { fill: 'mean', value: read.finite(spec.value, `${path}.value`) }
  return kind === 'categorical' ? { fill: 'no category' } : { fill: 'no text' }
}

function parseLabel(read: StateFieldReader, value: unknown): RequestLabel {
  const spec = read.object(value, '$defs.label')
  const name = read.string(spec.title, '$defs.label.title')
  if (spec[ANNOTATIONS.kind] === 'class') {
    return { name, kind: 'class', classes: read.strings(spec.enum, '$defs.label.enum') }
  }
  if (spec[ANNOTATIONS.kind] !== 'numeric') {
    read.fail(
      `$defs.label.${ANNOTATIONS.kind}`,
      `${describeValue(spec[ANNOTATIONS.kind])} is not a label kind`,
      '"class" or "numeric"',
    )
  }
  const trainingRange = spec[ANNOTATIONS.trainingRange]
  const validRange = spec[ANNOTATIONS.validRange]
  return {
    name,
    kind: 'numeric',
    ...(trainingRange === undefined
      ? {}
      : { trainingRange: parseRange(read, trainingRange, `$defs.label.${ANNOTATIONS.trainingRange}`) }),
    ...(validRange === undefined
      ? {}
      : { validRange: parsePartialRange(read, validRange, `$defs.label.${ANNOTATIONS.validRange}`) }),
  }
}

function parseRange(read: StateFieldReader, value: unknown, path: string): ValueRange {
  const range = read.object(value, path)
  const min = read.finite(range.min, `${path}.min`)
  const max = read.finite(range.max, `${path}.max`)
  if (min > max) read.fail(path, `min ${min} is above max ${max}`, 'min <= max')
  return { min, max }
}

function parsePartialRange(read: StateFieldReader, value: unknown, path: string): Partial<ValueRange> {
  const range = read.object(value, path)
  const min = read.optionalFinite(range.min, `${path}.min`)
  const max = read.optionalFinite(range.max, `${path}.max`)
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }
}
