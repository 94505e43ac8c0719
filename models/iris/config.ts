// The iris model's config: every knob of its training, with docs. Resolved as
// defaults < config.json < env (IRIS_*) < --set < SageMaker hyperparameters.
import {
  defineModelConfig,
  deploymentSettings,
  evaluationConfig,
  serveSettings,
  supervisedConfig,
} from '@sagepack/core-train'

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
  // The report's slices and the champion gate. 30 test flowers: slices of 5+ can be flagged, and a
  // 10-point margin, since one flower is 3 points of accuracy.
  ...evaluationConfig({
    slices: [
      // The petal width a decision tree cuts at: setosa below 0.8 cm, virginica from 1.75 cm.
      { column: 'petal_width', name: 'petal width (cm)', bins: [0.8, 1.75] },
      // Petal lengths of 4.8-5.2 cm are where versicolor and virginica overlap.
      { column: 'petal_length', name: 'petal length (cm)', bins: [2.5, 4.8, 5.2] },
    ],
    sliceMetric: 'accuracy',
    sliceMargin: 0.1,
    minSliceRows: 5,
    gates: [
      { metric: 'accuracy', floor: 0.9, maxDrop: 0.05 },
      { metric: 'f1_macro', floor: 0.9, maxDrop: 0.05 },
      { metric: 'log_loss', ceiling: 0.3 },
    ],
  }),
  // Endpoint per stage (dev is serverless) and Batch Transform: the platform's defaults suit iris.
  ...deploymentSettings(),
  // How the runtime packs requests into predict calls (SAGEPACK_MAX_BATCH_* override it on an endpoint).
  ...serveSettings(),
})
