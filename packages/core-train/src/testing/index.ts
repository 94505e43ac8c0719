// Test support for model folders: train a model for behavioural tests, run its data checks on a CSV.
// Kept out of the main entry so production code never loads it.
export { type CsvModel, type DataChecksOutcome, dataChecksOnCsv } from './data-checks-on-csv'
export { type ModelTrainedForTest, trainModelForTest } from './train-for-test'
