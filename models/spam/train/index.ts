// The spam train entry: an MLP on the hashed bag of words of each message's text, trained by the
// shared supervised pipeline. Everything tunable lives in ../config.ts.
import { supervisedSettingsFrom, supervisedTrainEntry } from '@sagepack/core-train'
import config from '../config'
import { spamSchema } from './spam-schema'

export default supervisedTrainEntry({ config, schema: spamSchema, settings: supervisedSettingsFrom })
