// The car-mpg model's config: every knob of its training, with docs. Resolved as
// defaults < config.json < env (CAR_MPG_*) < --set < SageMaker hyperparameters.
import { defineModelConfig, deploymentSettings, supervisedConfig } from '@sagepack/core-train'

export default defineModelConfig('car-mpg', {
  // Seed, split, MLP and fit loop: the shared supervised pipeline's knobs and docs, with car-mpg's defaults.
  ...supervisedConfig({
    hiddenUnits: [32, 16],
    epochs: 300,
    batchSize: 16,
    learningRate: 0.01,
    // val_loss, which patience watches, is the mean squared error of the validation cars, in mpg^2.
    patience: 30,
    checkpointEvery: 25,
  }),
  channels: {
    train: {
      doc: 'Training data: a CSV/JSONL file or folder (path relative to models/car-mpg/) or an s3:// URI',
      format: String,
      default: 'data/cars.csv',
    },
  },
  checks: {
    maxMissingFraction: {
      doc: 'Largest share of missing values a feature may have; 0 because data/cars.csv has none and serving refuses gaps',
      format: Number,
      default: 0,
    },
  },
  // Endpoint per stage (dev is serverless) and Batch Transform: the platform's defaults suit car-mpg.
  ...deploymentSettings(),
})
