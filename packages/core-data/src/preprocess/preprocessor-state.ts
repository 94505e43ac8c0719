// The JSON a fitted preprocessor is saved as (preprocessor.json in a bundle): the schema it was fitted
// for and the fitted parameters, everything serving needs to transform rows exactly as training did.
import type { FeatureSpec, LabelSpec } from '../schema/feature-schema'

/** Bumped whenever the meaning of the state or of a transform changes, so old bundles fail loudly. */
export const PREPROCESSOR_FORMAT = 'sagepack.preprocessor/v1'
/** Where a fitted preprocessor is saved beside its model, in a run and in a bundle. */
export const PREPROCESSOR_FILE = 'preprocessor.json'

export interface NumericColumnState {
  kind: 'numeric'
  name: string
  /** Mean of the training values; a missing value is replaced by it (0 after scaling). */
  mean: number
  /** Population standard deviation of the training values; 1 when they were all equal. */
  std: number
}

export interface CategoricalColumnState {
  kind: 'categorical'
  name: string
  /** One output per category, in this order. */
  categories: string[]
}

export interface TextColumnState {
  kind: 'text'
  name: string
  /** Number of hash buckets, one output each. */
  dimensions: number
}

export type ColumnState = NumericColumnState | CategoricalColumnState | TextColumnState

export interface PreprocessorState {
  format: typeof PREPROCESSOR_FORMAT
  features: FeatureSpec[]
  label: LabelSpec
  /** One per feature, in the schema's order; outputs are laid out in this order. */
  columns: ColumnState[]
}
