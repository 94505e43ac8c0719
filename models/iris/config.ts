// The iris model's config: every knob of its training, with docs. Resolved as
// defaults < config.json < env (IRIS_*) < --set < SageMaker hyperparameters.
import { defineModelConfig, deploymentSettings, supervisedConfig } from '@sagepack/core-train'

export default defineModelConfig('iris', {
  // Seed, split, MLP and fit loop: the shared supervised pipeline's knobs and docs, with iris's defaults.
  ...supervisedConfig({
    hiddenUnits: [16, 16],
    epochs: 200,
    batchSize: 16,
    learningRate: 0.01,
    patience: 25,
  }),
  channels: {
    train: {
      doc: 'Training data: a CSV/JSONL file or folder (path relative to models/iris/) or an s3:// URI',
      format: String,
      default: 'data/iris.csv',
    },
  },
  checks: {
    maxMissingFraction: {
      doc: 'Largest share of missing values a feature may have',
      format: Number,
      default: 0,
    },
    minClassFraction: {
      doc: 'Warn when a species is rarer than this share of rows',
      format: Number,
      default: 0.2,
    },
  },
  // Endpoint per stage (dev is serverless) and Batch Transform: the platform's defaults suit iris.
  ...deploymentSettings(),
})
