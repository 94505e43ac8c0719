// The model's config: every knob of its training, with docs. Values resolve as defaults < config.json
// < environment < --set key=value < SageMaker hyperparameters. Each key's value, source, doc and
// environment variable: `pnpm sagepack config __MODEL_NAME__`.
import {
  defineModelConfig,
  deploymentSettings,
  type HiddenActivation,
  positiveInteger,
} from '@sagepack/core-train'

export default defineModelConfig('__MODEL_NAME__', {
  seed: {
    doc: 'Seed for the split, the initial weights and the shuffling: same seed + data + config, same metrics',
    format: 'int',
    default: 42,
  },
  channels: {
    train: {
      doc: 'Training data: a CSV/JSONL file or folder (relative to this folder) or an s3:// URI',
      format: String,
      default: 'data/churn.csv',
    },
  },
  data: {
    validationFraction: { doc: 'Share of rows held out for early stopping', format: Number, default: 0.15 },
    testFraction: { doc: 'Share of rows held out for the final evaluation', format: Number, default: 0.2 },
    dropDuplicates: {
      doc: 'Drop exact duplicate rows before splitting, so no row is in both train and test',
      format: Boolean,
      default: true,
    },
  },
  model: {
    hiddenUnits: { doc: 'Units of each hidden layer of the MLP', format: Array, default: [16] },
    activation: {
      doc: 'Activation of the hidden layers',
      format: ['relu', 'tanh', 'sigmoid'],
      default: 'relu' as HiddenActivation,
    },
    dropout: { doc: 'Dropout rate after each hidden layer (0 = none)', format: Number, default: 0 },
  },
  train: {
    epochs: { doc: 'Maximum passes over the training split', format: 'nat', default: 100 },
    batchSize: { doc: 'Rows per gradient step', format: positiveInteger, default: 32 },
    learningRate: { doc: 'Adam learning rate', format: Number, default: 0.01 },
    patience: {
      doc: 'Epochs without val_loss improvement before early stopping',
      format: 'nat',
      default: 15,
    },
    checkpointEvery: {
      doc: 'Save a resumable checkpoint every N epochs',
      format: positiveInteger,
      default: 10,
    },
  },
  checks: {
    maxMissingFraction: {
      doc: 'Largest share of missing values a feature may have',
      format: Number,
      default: 0,
    },
    minClassFraction: {
      doc: 'Warn when a class is rarer than this share of rows',
      format: Number,
      default: 0.1,
    },
  },
  // Endpoint per stage (dev is serverless), model data storage and Batch Transform: the platform's
  // defaults. Override a stage with deploymentSettings({ prod: { maxInstanceCount: 10 } }).
  ...deploymentSettings(),
})
