// The car-mpg model's config: every knob of its training, with docs. Resolved as
// defaults < config.json < env (CAR_MPG_*) < --set < SageMaker hyperparameters.
import {
  defineModelConfig,
  deploymentSettings,
  type HiddenActivation,
  positiveInteger,
} from '@sagepack/core-train'

export default defineModelConfig('car-mpg', {
  seed: {
    doc: 'Seed for the split, the initial weights and the shuffling: same seed + data + config, same metrics',
    format: 'int',
    default: 42,
  },
  channels: {
    train: {
      doc: 'Training data: a CSV/JSONL file or folder (path relative to models/car-mpg/) or an s3:// URI',
      format: String,
      default: 'data/cars.csv',
    },
  },
  data: {
    validationFraction: { doc: 'Share of rows held out for early stopping', format: Number, default: 0.15 },
    testFraction: {
      doc: 'Share of rows held out for the final evaluation (MAE, RMSE, R2 in metrics.json)',
      format: Number,
      default: 0.2,
    },
    dropDuplicates: {
      doc: 'Drop exact duplicate rows before splitting, so no car is in both train and test',
      format: Boolean,
      default: true,
    },
  },
  model: {
    hiddenUnits: { doc: 'Units of each hidden layer of the MLP', format: Array, default: [32, 16] },
    activation: {
      doc: 'Activation of the hidden layers (the output is linear: mpg is unbounded above)',
      format: ['relu', 'tanh', 'sigmoid'],
      default: 'relu' as HiddenActivation,
    },
    dropout: { doc: 'Dropout rate after each hidden layer (0 = none)', format: Number, default: 0 },
  },
  train: {
    epochs: { doc: 'Maximum passes over the training split', format: 'nat', default: 300 },
    batchSize: { doc: 'Rows per gradient step', format: positiveInteger, default: 16 },
    learningRate: { doc: 'Adam learning rate', format: Number, default: 0.01 },
    patience: {
      doc: 'Epochs without val_loss (mean squared error, mpg^2) improvement before early stopping',
      format: 'nat',
      default: 30,
    },
    checkpointEvery: {
      doc: 'Save a resumable checkpoint every N epochs',
      format: positiveInteger,
      default: 25,
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
