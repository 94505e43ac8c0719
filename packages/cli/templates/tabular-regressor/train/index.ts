// The train entry: a tabular MLP regressor trained by the shared supervised pipeline (read the
// channel, check and split the data, fit the preprocessor, train with early stopping, evaluate, export
// ONNX). What it reads is in ./schema.ts; everything tunable is in ../config.ts.
import { supervisedSettingsFrom, supervisedTrainEntry } from '@sagepack/core-train'
import config from '../config'
import { schema } from './schema'

export default supervisedTrainEntry({ config, schema, settings: supervisedSettingsFrom })
