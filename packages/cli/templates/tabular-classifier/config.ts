// The model's config: every knob of its training, with docs. Values resolve as defaults < config.json
// < environment < --set key=value < SageMaker hyperparameters. Each key's value, source, doc and
// environment variable: `pnpm sagepack config __MODEL_NAME__`.
import { defineModelConfig, deploymentSettings, serveSettings, supervisedConfig } from '@sagepack/core-train'

export default defineModelConfig('__MODEL_NAME__', {
  // The seed, the split (data.*), the MLP (model.*) and the fit loop (train.*): the shared supervised
  // pipeline's sections, documented once in core-train. The values below are this model's defaults; a
  // key left out takes the pipeline's.
  ...supervisedConfig({
    seed: 42,
    validationFraction: 0.15,
    testFraction: 0.2,
    dropDuplicates: true,
    hiddenUnits: [16],
    activation: 'relu',
    dropout: 0,
    epochs: 100,
    batchSize: 32,
    learningRate: 0.01,
    patience: 15,
    checkpointEvery: 10,
  }),
  channels: {
    train: {
      doc: 'Training data: a CSV/JSONL file or folder (relative to this folder) or an s3:// URI',
      format: String,
      default: 'data/churn.csv',
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
  // How the runtime packs requests into predict calls (SAGEPACK_MAX_BATCH_* override it on an endpoint).
  ...serveSettings(),
})
