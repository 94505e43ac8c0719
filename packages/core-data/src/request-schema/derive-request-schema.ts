// Derives a model's request schema from what training knows: the declared schema (train/schema.ts), the
// fitted preprocessor (categories, means) and the training split (observed ranges, missing values).
import type { DataRecord } from '../dataset/data-record'
import type { Preprocessor } from '../preprocess/preprocessor'
import type { ColumnState } from '../preprocess/preprocessor-state'
import type { DatasetSchema, FeatureSpec, LabelSpec } from '../schema/feature-schema'
import type { MissingFill, RequestFeature, RequestLabel, RequestSchema, ValueRange } from './request-schema'

export interface RequestSchemaSources {
  model: string
  schema: DatasetSchema
  preprocessor: Preprocessor
  /**
   * The rows the preprocessor was fitted on. Without them (a bundle of a run from before schema.json)
   * there are no observed ranges, and a feature is required unless the schema says `whenMissing: 'fill'`.
   */
  training?: readonly DataRecord[]
}

export function deriveRequestSchema(sources: RequestSchemaSources): RequestSchema {
  const { schema, preprocessor, training } = sources
  const columns = new Map(preprocessor.toJSON().columns.map((column) => [column.name, column]))
  const features = schema.features.map((feature): RequestFeature => {
    const column = columns.get(feature.name)
    if (column === undefined || column.kind !== feature.kind) {
      throw new Error(`the preprocessor has no ${feature.kind} column for feature '${feature.name}'`)
    }
    const observed = training ? observe(training, feature.name) : undefined
    const fills = (feature.whenMissing ?? (observed?.missing ? 'fill' : 'refuse')) === 'fill'
    return {
      name: feature.name,
      kind: feature.kind,
      ...(feature.doc ? { doc: feature.doc } : {}),
      ...(fills ? { fill: fillOf(column) } : {}),
      ...(feature.kind === 'numeric' ? numericFacts(feature, observed) : {}),
      ...(column.kind === 'categorical' ? { categories: [...column.categories] } : {}),
    }
  })
  return {
    model: sources.model,
    features,
    unknownFields: schema.unknownFields ?? 'warn',
    label: labelOf(schema.label, training),
  }
}

function fillOf(column: ColumnState): MissingFill {
  switch (column.kind) {
    case 'numeric':
      return { fill: 'mean', value: column.mean }
    case 'categorical':
      return { fill: 'no category' }
    case 'text':
      return { fill: 'no text' }
  }
}

function numericFacts(
  feature: Extract<FeatureSpec, { kind: 'numeric' }>,
  observed: Observed | undefined,
): Pick<RequestFeature, 'trainingRange' | 'validRange'> {
  return {
    ...(observed?.range ? { trainingRange: observed.range } : {}),
    ...declaredRange(feature),
  }
}

function labelOf(label: LabelSpec, training: readonly DataRecord[] | undefined): RequestLabel {
  if (label.kind === 'class') return { name: label.name, kind: 'class', classes: [...label.classes] }
  const range = training ? observe(training, label.name).range : undefined
  return {
    name: label.name,
    kind: 'numeric',
    ...(range ? { trainingRange: range } : {}),
    ...declaredRange(label),
  }
}

function declaredRange(spec: { min?: number; max?: number }): { validRange?: Partial<ValueRange> } {
  if (spec.min === undefined && spec.max === undefined) return {}
  return {
    validRange: {
      ...(spec.min === undefined ? {} : { min: spec.min }),
      ...(spec.max === undefined ? {} : { max: spec.max }),
    },
  }
}

interface Observed {
  /** Numeric values only: undefined for text and categories, or when every value was missing. */
  range?: ValueRange
  missing: boolean
}

/** Typed records hold numbers (numeric columns), strings or null: a missing value is null in every kind. */
function observe(records: readonly DataRecord[], name: string): Observed {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let missing = false
  for (const record of records) {
    const value = record.values[name]
    if (value === null || value === undefined) missing = true
    else if (typeof value === 'number') {
      if (value < min) min = value
      if (value > max) max = value
    }
  }
  return min <= max ? { range: { min, max }, missing } : { missing }
}
