// The iris train entry: a tabular MLP classifier on the four flower measurements, trained by the
// shared supervised pipeline. Everything tunable lives in ../config.ts.
import { supervisedSettingsFrom, supervisedTrainEntry } from '@sagepack/core-train'
import config from '../config'
import { irisSchema } from './iris-schema'

export default supervisedTrainEntry({ config, schema: irisSchema, settings: supervisedSettingsFrom })
