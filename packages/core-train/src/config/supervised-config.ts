// The config sections every model on the shared supervised pipeline has: the seed, how the data is
// split, the MLP, and the fit loop. A model spreads `supervisedConfig({ ... })` into its config with
// its own defaults, adds what is its own (channels, checks, preprocess), and hands the resolved values
// to the pipeline with `supervisedSettingsFrom`. One place for the knobs means one set of docs, and
// every model's `--set train.epochs=5` means the same thing.
import type { DataCheckOptions } from '@sagepack/core-data'
import type convict from 'convict'
import type { HiddenActivation, SupervisedSettings } from '../pipeline/supervised-settings'
import { positiveInteger } from './config-formats'

export interface SupervisedConfigValues {
  seed: number
  data: { validationFraction: number; testFraction: number; dropDuplicates: boolean }
  model: { hiddenUnits: number[]; activation: HiddenActivation; dropout: number }
  train: {
    epochs: number
    batchSize: number
    learningRate: number
    patience: number
    checkpointEvery: number
  }
}

/** The pipeline's knobs that these sections configure (the rest are the model's own sections). */
type SupervisedKnobs = Omit<SupervisedSettings, 'channel' | 'checks' | 'textDimensions'>

/** A model's own defaults; each key left out takes the pipeline's. */
export type SupervisedDefaults = Partial<SupervisedKnobs>

const PIPELINE_DEFAULTS: SupervisedKnobs = {
  seed: 42,
  validationFraction: 0.15,
  testFraction: 0.2,
  dropDuplicates: true,
  hiddenUnits: [16, 16],
  activation: 'relu',
  dropout: 0,
  epochs: 200,
  batchSize: 16,
  learningRate: 0.01,
  patience: 25,
  checkpointEvery: 10,
}

function fraction(value: unknown): void {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new Error('must be a number from 0 up to (not including) 1')
  }
}

/** The `seed`, `data`, `model` and `train` sections, with this model's defaults. */
export function supervisedConfig(defaults: SupervisedDefaults = {}): convict.Schema<SupervisedConfigValues> {
  const d = { ...PIPELINE_DEFAULTS, ...defaults }
  return {
    seed: {
      doc: 'Seed for the split, the initial weights and the shuffling: same seed + data + config, same metrics',
      format: 'int',
      default: d.seed,
    },
    data: {
      validationFraction: {
        doc: 'Share of rows held out for early stopping',
        format: fraction,
        default: d.validationFraction,
      },
      testFraction: {
        doc: 'Share of rows held out for the final evaluation (the test_* metrics)',
        format: fraction,
        default: d.testFraction,
      },
      dropDuplicates: {
        doc: 'Drop exact duplicate rows before splitting, so no row is in both train and test',
        format: Boolean,
        default: d.dropDuplicates,
      },
    },
    model: {
      hiddenUnits: {
        doc: 'Units of each hidden layer of the MLP',
        format: Array,
        default: [...d.hiddenUnits],
      },
      activation: {
        doc: 'Activation of the hidden layers (the output layer is softmax for classes, linear for a number)',
        format: ['relu', 'tanh', 'sigmoid'],
        default: d.activation,
      },
      dropout: {
        doc: 'Dropout rate after each hidden layer (0 = none)',
        format: fraction,
        default: d.dropout,
      },
    },
    train: {
      epochs: { doc: 'Maximum passes over the training split', format: 'nat', default: d.epochs },
      batchSize: { doc: 'Rows per gradient step', format: positiveInteger, default: d.batchSize },
      learningRate: { doc: 'Adam learning rate', format: Number, default: d.learningRate },
      patience: {
        doc: 'Epochs without val_loss improvement before early stopping',
        format: 'nat',
        default: d.patience,
      },
      checkpointEvery: {
        doc: 'Save a resumable checkpoint every N epochs',
        format: positiveInteger,
        default: d.checkpointEvery,
      },
    },
  } as convict.Schema<SupervisedConfigValues>
}

/** What the pipeline reads from a config built on `supervisedConfig`, plus the model's own sections. */
export type SupervisedModelConfig = SupervisedConfigValues & {
  /** The model's data-check thresholds (core-data's DataCheckOptions, by the same names). */
  checks?: DataCheckOptions
  /** Hash buckets per text feature, for models with text features. */
  preprocess?: { textDimensions?: number }
}

export function supervisedSettingsFrom(c: SupervisedModelConfig): SupervisedSettings {
  return {
    seed: c.seed,
    validationFraction: c.data.validationFraction,
    testFraction: c.data.testFraction,
    dropDuplicates: c.data.dropDuplicates,
    hiddenUnits: c.model.hiddenUnits,
    activation: c.model.activation,
    dropout: c.model.dropout,
    epochs: c.train.epochs,
    batchSize: c.train.batchSize,
    learningRate: c.train.learningRate,
    patience: c.train.patience,
    checkpointEvery: c.train.checkpointEvery,
    ...(c.checks ? { checks: c.checks } : {}),
    ...(c.preprocess?.textDimensions === undefined ? {} : { textDimensions: c.preprocess.textDimensions }),
  }
}
