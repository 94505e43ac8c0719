// Public API of @sagepack/core-data: datasets (local or s3://), schemas, data checks, splits, fitted
// preprocessors, and the artifact stores (file:// or s3://) that bundles and runs are kept in.

export type { CheckResult, DataCheckName, DataCheckReport, Severity } from './checks/check-result'
export { assertDataChecksPassed, DataCheckError } from './checks/data-check-error'
export type { DataCheckOptions } from './checks/data-check-options'
export { dropDuplicateRecords } from './checks/drop-duplicate-records'
export { formatDataCheckReport } from './checks/format-data-check-report'
export { type DataCheckInput, runDataChecks } from './checks/run-data-checks'
export { type AppliedRow, type ApplySchemaOptions, applySchema } from './dataset/apply-schema'
export type { DataRecord, FieldValue } from './dataset/data-record'
export { type ReadDatasetOptions, readDataset } from './dataset/read-dataset'
export { checkRequiredColumns, requiredColumns } from './dataset/required-columns'
export { formatViolation, type SchemaViolation } from './dataset/schema-violation'
export { formatUserError, isUserError, UserError, type UserErrorParts } from './errors/user-error'
export { type JsonFileExpectation, readJsonFile } from './files/read-json-file'
export { shownPath } from './files/shown-path'
export { writeFileAtomic, writeJsonAtomic } from './files/write-file-atomic'
export {
  readTfjsModelFiles,
  TFJS_MODEL_FILE,
  type TfjsModelArtifacts,
  type TfjsWeightSpec,
} from './model-files/read-tfjs-model-files'
export { fitPreprocessor, type PreprocessorOptions } from './preprocess/fit-preprocessor'
export { Preprocessor } from './preprocess/preprocessor'
export {
  type ColumnState,
  PREPROCESSOR_FILE,
  PREPROCESSOR_FORMAT,
  type PreprocessorState,
} from './preprocess/preprocessor-state'
export { contentTypeOfFile, type DataFormat, detectFormat } from './readers/detect-format'
export { locationOf, recordLocation } from './readers/input-location'
export { type CsvRow, type ReadCsvOptions, readCsv } from './readers/read-csv'
export { type JsonlRow, readJsonl } from './readers/read-jsonl'
export { type ReadRowsOptions, readRows, type TableRow } from './readers/read-rows'
export { deriveRequestSchema, type RequestSchemaSources } from './request-schema/derive-request-schema'
export { parseRequestSchema } from './request-schema/parse-request-schema'
export {
  type MissingFill,
  REQUEST_SCHEMA_FILE,
  REQUEST_SCHEMA_FORMAT,
  type RequestFeature,
  type RequestLabel,
  type RequestSchema,
  type ValueRange,
} from './request-schema/request-schema'
export {
  featureJsonSchema,
  type JsonSchema,
  labelJsonSchema,
  requestSchemaDocument,
  rowJsonSchema,
  rowValuesJsonSchema,
} from './request-schema/request-schema-document'
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
  type WhenMissing,
} from './schema/feature-schema'
export type { DataObject, DataSource } from './sources/data-source'
export { type FileDataSourceOptions, fileDataSource } from './sources/file-source'
export {
  type DataSourceFactory,
  registerDataSourceScheme,
  resolveDataSource,
  supportedDataSourceSchemes,
} from './sources/resolve-data-source'
export { schemeOf } from './sources/uri-scheme'
export { createSeededRandom, type RandomSource } from './split/seeded-random'
export { seededShuffle } from './split/seeded-shuffle'
export { type DatasetSplits, type SplitOptions, splitDataset } from './split/split-dataset'
export type {
  ArtifactStore,
  GetFileOptions,
  PutFileOptions,
  StoredObject,
  TransferProgress,
} from './store/artifact-store'
export { bundleKey, type ContentAddressedUpload, putContentAddressed } from './store/content-addressed'
export { sha256OfFile } from './store/file-digest'
export {
  ARTIFACT_STORE_ENV,
  defaultArtifactStoreUri,
  type OpenArtifactStoreOptions,
  openArtifactStore,
} from './store/open-artifact-store'
export { parseS3Uri } from './store/s3-uri'
export { type ReadResult, readNumber, readString } from './values/read-cell-value'
export { type GitState, gitState } from './workspace/git-state'
