// The typed description of a model's input columns and label; every reader, check and preprocessor
// is driven by it.

/**
 * What serving does with a request that leaves a feature out (absent, null, NaN or empty): `refuse` answers
 * 400 naming the row and field; `fill` lets the preprocessor fill it as in training (numeric: the
 * training mean; categorical: no category; text: no words). Default: `fill` when the training data had
 * missing values in the column (the model learned from filled rows), else `refuse`.
 */
export type WhenMissing = 'refuse' | 'fill'

export interface NumericFeature {
  name: string
  kind: 'numeric'
  whenMissing?: WhenMissing
  /** Declared valid range (inclusive); the value-range check reports values outside it. */
  min?: number
  max?: number
  doc?: string
}

export interface CategoricalFeature {
  name: string
  kind: 'categorical'
  whenMissing?: WhenMissing
  /** Known categories; when given, other values do not fit the schema. */
  categories?: readonly string[]
  doc?: string
}

export interface TextFeature {
  name: string
  kind: 'text'
  whenMissing?: WhenMissing
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
  /**
   * Request fields that are not features: `warn` (default) ignores them and names them in the answer's
   * warnings; `refuse` answers 400 listing the expected fields.
   */
  unknownFields?: 'warn' | 'refuse'
}

/** The learning task a label implies. */
export type Task = 'classification' | 'regression'

export function taskOf(schema: DatasetSchema): Task {
  return schema.label.kind === 'class' ? 'classification' : 'regression'
}
