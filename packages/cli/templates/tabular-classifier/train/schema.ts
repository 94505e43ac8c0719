// The columns the model reads: the features it predicts from and the label it predicts. Replace them
// with your data's columns; the data checks, the preprocessor and what the endpoint accepts follow.
import type { DatasetSchema } from '@sagepack/core-data'

/** The label's values, in the order of the model's outputs. */
export const CLASSES = ['no', 'yes'] as const

export const schema: DatasetSchema = {
  features: [
    // min/max are the plausible range: the valueRanges check fails on rows outside it.
    { name: 'tenure_months', kind: 'numeric', min: 0, max: 600, doc: 'months as a customer' },
    { name: 'monthly_charges', kind: 'numeric', min: 0, max: 10_000, doc: 'bill per month, in euros' },
    { name: 'support_calls', kind: 'numeric', min: 0, max: 100, doc: 'support calls in the last 90 days' },
    // One-hot encoded; a value outside `categories` does not fit the schema.
    { name: 'contract', kind: 'categorical', categories: ['monthly', 'one-year', 'two-year'] },
  ],
  label: { name: 'churned', kind: 'class', classes: CLASSES },
}
