// How this model's config maps onto the shared supervised pipeline's settings.
import type { ConfigOf, SupervisedSettings } from '@sagepack/core-train'
import type config from '../config'

export function settings(c: ConfigOf<typeof config>): SupervisedSettings {
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
    checks: { maxMissingFraction: c.checks.maxMissingFraction, minClassFraction: c.checks.minClassFraction },
  }
}
