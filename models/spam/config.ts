// The spam model's config: every knob of its training, with docs. Resolved as
// defaults < config.json < env (SPAM_*) < --set < SageMaker hyperparameters.
import {
  defineModelConfig,
  deploymentSettings,
  type HiddenActivation,
  positiveInteger,
} from '@sagepack/core-train'

export default defineModelConfig('spam', {
  seed: {
    doc: 'Seed for the split, the initial weights, dropout and the shuffling: same seed + data + config, same metrics',
    format: 'int',
    default: 42,
  },
  channels: {
    train: {
      doc: 'Training data: a CSV/JSONL file or folder with text and label columns (path relative to models/spam/) or an s3:// URI',
      format: String,
      default: 'data/spam.csv',
    },
  },
  data: {
    validationFraction: {
      doc: 'Share of messages held out for early stopping',
      format: Number,
      default: 0.15,
    },
    testFraction: {
      doc: 'Share of messages held out for the final evaluation',
      format: Number,
      default: 0.2,
    },
    dropDuplicates: {
      doc: 'Drop messages whose text and label repeat an earlier one (spam is often sent many times), so no message is in both train and test',
      format: Boolean,
      default: true,
    },
  },
  preprocess: {
    textDimensions: {
      doc: 'Hash buckets of the bag of words: the input width of the MLP. More buckets, fewer words sharing one',
      format: positiveInteger,
      default: 2048,
    },
  },
  model: {
    hiddenUnits: { doc: 'Units of each hidden layer of the MLP', format: Array, default: [32] },
    activation: {
      doc: 'Activation of the hidden layers',
      format: ['relu', 'tanh', 'sigmoid'],
      default: 'relu' as HiddenActivation,
    },
    dropout: {
      doc: 'Dropout rate after each hidden layer (0 = none): thousands of inputs for a few thousand messages overfit without it',
      format: Number,
      default: 0.3,
    },
  },
  train: {
    epochs: { doc: 'Maximum passes over the training split', format: 'nat', default: 40 },
    batchSize: { doc: 'Messages per gradient step', format: positiveInteger, default: 32 },
    learningRate: { doc: 'Adam learning rate', format: Number, default: 0.001 },
    patience: {
      doc: 'Epochs without val_loss improvement before early stopping (the best epoch weights are kept)',
      format: 'nat',
      default: 4,
    },
    checkpointEvery: {
      doc: 'Save a resumable checkpoint every N epochs',
      format: positiveInteger,
      default: 5,
    },
  },
  checks: {
    maxMissingFraction: {
      doc: 'Largest share of messages without text or label; the export never writes an empty text',
      format: Number,
      default: 0,
    },
    minClassFraction: {
      doc: 'Warn when spam or ham is rarer than this share of messages (the corpus has about 31% spam)',
      format: Number,
      default: 0.2,
    },
  },
  // Endpoint per stage (dev is serverless) and Batch Transform: the platform's defaults suit a small MLP.
  ...deploymentSettings(),
})
