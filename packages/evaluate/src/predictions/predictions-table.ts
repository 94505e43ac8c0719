// A split's predictions file (results/<split>-predictions.csv, written by the training pipeline) read
// into scores: `source,line,<label>,predicted` and, for classifiers, one `p_<class>` column per class
// in the model's output order.
import { UserError } from '@sagepack/core-data'
import { parse } from 'csv-parse/sync'
import { classScores, type Scores } from '../metrics/scored-rows'

export interface PredictionsTable {
  /** The label column's name (the header's third column). */
  label: string
  scores: Scores
  /** Where each row came from: the data file's name and its line, to find the row's other columns. */
  sources: Array<{ source: string; line: number }>
}

const PROBABILITY_PREFIX = 'p_'

export function parsePredictionsCsv(text: string, file: string): PredictionsTable {
  const records = parse(text, { relax_column_count: false }) as string[][]
  const [header, ...rows] = records
  if (
    !header ||
    header.length < 4 ||
    header[0] !== 'source' ||
    header[1] !== 'line' ||
    header[3] !== 'predicted'
  ) {
    throw new UserError({
      input: file,
      problem: `has the header ${JSON.stringify(header ?? [])}`,
      expected: 'source,line,<label>,predicted[,p_<class>...], as the training pipeline writes it',
      fix: 'train the run again with `pnpm train <model>`',
    })
  }
  const label = header[2] as string
  const classes = header.slice(4).map((column) => column.slice(PROBABILITY_PREFIX.length))
  const sources = rows.map((row) => ({ source: row[0] as string, line: Number(row[1]) }))
  if (rows.length === 0) {
    throw new UserError({
      input: file,
      problem: 'has no rows',
      expected: 'one row per record of the split',
      fix: 'train the run again with a split that holds rows',
    })
  }
  if (header.slice(4).every((column) => column.startsWith(PROBABILITY_PREFIX)) && classes.length >= 2) {
    const k = classes.length
    const truth = new Int32Array(rows.length)
    const probabilities = new Float64Array(rows.length * k)
    rows.forEach((row, i) => {
      const index = classes.indexOf(row[2] as string)
      if (index === -1) throw badCell(file, i, label, row[2], `one of ${classes.join(', ')}`)
      truth[i] = index
      for (let c = 0; c < k; c++)
        probabilities[i * k + c] = numberCell(file, i, `p_${classes[c]}`, row[4 + c])
    })
    return { label, sources, scores: classScores(classes, truth, probabilities) }
  }
  const truth = Float64Array.from(rows, (row, i) => numberCell(file, i, label, row[2]))
  const predicted = Float64Array.from(rows, (row, i) => numberCell(file, i, 'predicted', row[3]))
  return { label, sources, scores: { task: 'regression', truth, predicted } }
}

function numberCell(file: string, row: number, column: string, value: string | undefined): number {
  const number = Number(value)
  if (value === undefined || value === '' || !Number.isFinite(number))
    throw badCell(file, row, column, value, 'a number')
  return number
}

function badCell(file: string, row: number, column: string, value: unknown, expected: string): UserError {
  return new UserError({
    input: `${file}:${row + 2}, column ${column}`,
    problem: `holds ${JSON.stringify(value)}`,
    expected,
    fix: 'the predictions file was changed by hand or is truncated: train the run again',
  })
}
