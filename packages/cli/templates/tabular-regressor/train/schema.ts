// The columns the model reads: the features it predicts from and the number it predicts. Replace them
// with your data's columns; the data checks, the preprocessor and what the endpoint accepts follow.
import type { DatasetSchema } from '@sagepack/core-data'

export const schema: DatasetSchema = {
  features: [
    // min/max are the plausible range: the valueRanges check fails on rows outside it.
    { name: 'distance_km', kind: 'numeric', min: 0, max: 100, doc: 'from the kitchen to the door, in km' },
    { name: 'items', kind: 'numeric', min: 1, max: 100, doc: 'items in the order' },
    { name: 'prep_minutes', kind: 'numeric', min: 0, max: 120, doc: "the kitchen's own estimate" },
    // One-hot encoded; a value outside `categories` does not fit the schema.
    { name: 'weather', kind: 'categorical', categories: ['clear', 'rain', 'snow'] },
  ],
  // A numeric label makes this a regression: linear output, MSE loss, MAE/RMSE/R2 in metrics.json.
  // The label is not rescaled, so keep it in a unit where typical values are about 1 to 1000.
  label: { name: 'minutes', kind: 'numeric', min: 0, max: 600 },
}
