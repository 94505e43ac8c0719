// Test support for model folders: train a model for behavioural tests, run its data checks on a CSV;
// and for tests of SageMaker jobs, a real file store whose objects are named s3:// and SDK client mocks
// kept to their test file.
// Kept out of the main entry so production code never loads it.
export { keepMocksToThisFile } from './aws-client-mocks'
export { type CsvModel, type DataChecksOutcome, dataChecksOnCsv } from './data-checks-on-csv'
export { s3RootedFileStore } from './s3-rooted-file-store'
export { type ModelTrainedForTest, trainModelForTest } from './train-for-test'
