// The iris train entry: a tabular MLP classifier on the four flower measurements, trained by the
// shared supervised pipeline. Everything tunable lives in ../config.ts.
import { supervisedTrainEntry } from '@sagepack/core-train'
import config from '../config'
import { irisSchema } from './iris-schema'

export default supervisedTrainEntry({
  config,
  schema: irisSchema,
  settings: (c) => ({
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
  }),
})
