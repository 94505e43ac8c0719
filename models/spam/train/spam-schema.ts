// The columns of data/spam.csv the model reads: the message text and its label. The `id` column
// (where the message sits in the corpus) is for people reading predictions, not a feature.
import type { DatasetSchema } from '@sagepack/core-data'

/** Output order of the model: index 1 is the probability that a message is spam. */
export const SPAM_CLASSES = ['ham', 'spam'] as const

export const spamSchema: DatasetSchema = {
  features: [{ name: 'text', kind: 'text', doc: 'subject, then the readable body text of the message' }],
  label: { name: 'label', kind: 'class', classes: SPAM_CLASSES },
}
