// What a model takes and answers, as serving checks it: its features in the order array rows (CSV lines)
// give them, what training saw of each, what happens when one is missing, and the label it predicts.
// A bundle carries it as the JSON Schema document schema.json (request-schema-document.ts).
import type { FeatureSpec } from '../schema/feature-schema'

export const REQUEST_SCHEMA_FILE = 'schema.json'
/** Bumped whenever the meaning of a key changes, so a runtime never misreads an older document. */
export const REQUEST_SCHEMA_FORMAT = 'sagepack.schema/v1'

/** How the preprocessor fills a missing value, exactly as it did in training. */
export type MissingFill =
  /** Numeric: the training mean (0 after scaling). */
  | { fill: 'mean'; value: number }
  /** Categorical: no category (every one-hot output 0). */
  | { fill: 'no category' }
  /** Text: no words (an all-zero bag of words). */
  | { fill: 'no text' }

export interface ValueRange {
  min: number
  max: number
}

export interface RequestFeature {
  name: string
  kind: FeatureSpec['kind']
  doc?: string
  /** Absent when a missing value is refused (the feature is required). */
  fill?: MissingFill
  /** Numeric: the smallest and largest value in the training split; absent when training saw none. */
  trainingRange?: ValueRange
  /** Numeric: the valid range declared in train/schema.ts, if any. */
  validRange?: Partial<ValueRange>
  /** Categorical: the categories the model knows, in output order. */
  categories?: readonly string[]
}

export type RequestLabel =
  | { name: string; kind: 'class'; classes: readonly string[] }
  | { name: string; kind: 'numeric'; trainingRange?: ValueRange; validRange?: Partial<ValueRange> }

export interface RequestSchema {
  /** The model's name, the document's title. */
  model: string
  /** In the order of array rows and CSV fields. */
  features: readonly RequestFeature[]
  /** What a field that is not a feature does: named in the warnings, or refused with 400. */
  unknownFields: 'warn' | 'refuse'
  label: RequestLabel
}
