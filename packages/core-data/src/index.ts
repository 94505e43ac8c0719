// Public API of @sagepack/core-data: datasets, schemas, data checks, splits and fitted preprocessors.
export { formatUserError, isUserError, UserError, type UserErrorParts } from './errors/user-error'
export type { DataRecord, FieldValue } from './dataset/data-record'
export { writeFileAtomic, writeJsonAtomic } from './files/write-file-atomic'
export {
  type CategoricalFeature,
  type ClassLabel,
  type DatasetSchema,
  type FeatureSpec,
  type LabelSpec,
  type NumericFeature,
  type NumericLabel,
  type Task,
  type TextFeature,
  taskOf,
} from './schema/feature-schema'
