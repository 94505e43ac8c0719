// The car-mpg train entry: a tabular MLP regressor of fuel economy (mpg) on a car's specifications,
// trained by the shared supervised pipeline. Everything tunable lives in ../config.ts.
import { supervisedSettingsFrom, supervisedTrainEntry } from '@sagepack/core-train'
import config from '../config'
import { carMpgSchema } from './car-mpg-schema'

export default supervisedTrainEntry({ config, schema: carMpgSchema, settings: supervisedSettingsFrom })
