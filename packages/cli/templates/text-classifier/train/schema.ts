// The columns the model reads: the text it classifies and the label it predicts. Replace them with
// your data's columns; the data checks, the preprocessor and what the endpoint accepts follow.
import type { DatasetSchema } from '@sagepack/core-data'

/** The label's values, in the order of the model's outputs. */
export const QUEUES = ['billing', 'technical', 'account'] as const

export const schema: DatasetSchema = {
  features: [
    // A text feature becomes a hashed bag of words (lowercased word counts hashed into
    // `preprocess.textDimensions` buckets): no vocabulary to fit or ship, unseen words still count.
    { name: 'message', kind: 'text', doc: 'what the customer wrote' },
  ],
  label: { name: 'queue', kind: 'class', classes: QUEUES },
}
