// The knobs of the supervised pipeline; each model maps its own config onto them.
import type { DataCheckOptions } from '@sagepack/core-data'

export type HiddenActivation = 'relu' | 'tanh' | 'sigmoid'

export interface SupervisedSettings {
  seed: number
  /** The input channel holding the data; `train` by default. */
  channel?: string
  validationFraction: number
  testFraction: number
  /** Drop exact duplicate rows before splitting, so a row cannot sit in both train and test. */
  dropDuplicates: boolean
  hiddenUnits: readonly number[]
  activation: HiddenActivation
  dropout: number
  epochs: number
  batchSize: number
  learningRate: number
  /** Epochs without val_loss improvement before early stopping. */
  patience: number
  checkpointEvery: number
  checks?: DataCheckOptions
  textDimensions?: number
}
