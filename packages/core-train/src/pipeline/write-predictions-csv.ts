// Writes a split's predictions as CSV into the run's results/ folder.
import { join } from 'node:path'
import { writeFileAtomic } from '@sagepack/core-data'
import { stringify } from 'csv-stringify/sync'

export async function writePredictionsCsv(
  resultsDir: string,
  split: string,
  table: ReadonlyArray<ReadonlyArray<string | number>>,
): Promise<string> {
  const path = join(resultsDir, `${split}-predictions.csv`)
  await writeFileAtomic(path, stringify(table as Array<Array<string | number>>))
  return path
}
