// The car-mpg model's config: every knob of its training, with docs. Resolved as
// defaults < config.json < env (CAR_MPG_*) < --set < SageMaker hyperparameters.
import {
  defineModelConfig,
  deploymentSettings,
  evaluationConfig,
  serveSettings,
  supervisedConfig,
} from '@sagepack/core-train'

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
  // The report's slices and the champion gate. Slices compare MAE in mpg; a group half a mile per gallon
  // worse than the whole is flagged. The gate's limits are the bounds all 31 seeds of the behaviour
  // test met (RMSE < 3.4, R2 > 0.80, MAE < 2.5).
  ...evaluationConfig({
    slices: [
      { column: 'origin', name: 'origin' },
      { column: 'cylinders', name: 'cylinders' },
      { column: 'weight', name: 'weight (lbs)', bins: [2500, 3500] },
    ],
    sliceMetric: 'mae',
    sliceMargin: 0.5,
    gates: [
      { metric: 'rmse', ceiling: 3.4, maxRise: 0.3 },
      { metric: 'mae', ceiling: 2.5, maxRise: 0.25 },
      { metric: 'r2', floor: 0.8, maxDrop: 0.03 },
    ],
  }),
  // Endpoint per stage (dev is serverless) and Batch Transform: the platform's defaults suit car-mpg.
  ...deploymentSettings(),
  // How the runtime packs requests into predict calls (SAGEPACK_MAX_BATCH_* override it on an endpoint).
  ...serveSettings(),
})
