// The typed description of a model's input columns and label; every reader, check and preprocessor
// is driven by it.

export interface NumericFeature {
  name: string
  kind: 'numeric'
  /** Declared valid range (inclusive); the value-range check reports values outside it. */
  min?: number
  max?: number
  doc?: string
}

export interface CategoricalFeature {
  name: string
  kind: 'categorical'
  /** Known categories; when given, other values do not fit the schema. */
  categories?: readonly string[]
  doc?: string
}

export interface TextFeature {
  name: string
  kind: 'text'
  doc?: string
}

export type FeatureSpec = NumericFeature | CategoricalFeature | TextFeature

export interface ClassLabel {
  name: string
  kind: 'class'
  /** Every class the model predicts, in output order. */
  classes: readonly string[]
}

export interface NumericLabel {
  name: string
  kind: 'numeric'
  min?: number
  max?: number
}

export type LabelSpec = ClassLabel | NumericLabel

export interface DatasetSchema {
  features: readonly FeatureSpec[]
  label: LabelSpec
}

/** The learning task a label implies. */
export type Task = 'classification' | 'regression'

export function taskOf(schema: DatasetSchema): Task {
  return schema.label.kind === 'class' ? 'classification' : 'regression'
}
