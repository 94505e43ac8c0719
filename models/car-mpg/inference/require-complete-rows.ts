// Refuses a request row with a missing feature or a value that does not fit the schema (an origin
// other than USA, Europe, Japan). The preprocessor would fill a missing number with the training mean
// and give an unknown origin all zeros; the model never trained on such a row (data/cars-csv.ts), so
// it answers 400 naming the row and field rather than an mpg made from a guess.
import { applySchema, type DatasetSchema, UserError } from '@sagepack/core-data'
import type { InputRow } from '@sagepack/core-serve'

/** Each row's typed values by feature name (array rows read in the schema's order), once it is known complete. */
export function requireCompleteRows(
  rows: readonly InputRow[],
  schema: DatasetSchema,
): Array<Record<string, unknown>> {
  const names = schema.features.map((feature) => feature.name)
  return rows.map((row, index) => {
    const where = `row ${index} (counting from 0)`
    const fields = Array.isArray(row) ? byName(row, names, where) : row
    const applied = applySchema(fields, schema, { source: 'request', line: index }, { includeLabel: false })
    if ('violations' in applied) {
      const [first] = applied.violations
      throw new UserError({
        input: `${where}, field '${first?.column}'`,
        problem: `${first?.got} does not fit`,
        expected: first?.expected ?? 'a value that fits the schema',
      })
    }
    const missing = names.filter((name) => applied.values[name] === null)
    if (missing.length > 0) {
      throw new UserError({
        input: `${where}, field${missing.length === 1 ? '' : 's'} ${missing.map((name) => `'${name}'`).join(', ')}`,
        problem: `${missing.length === 1 ? 'is' : 'are'} missing; the model was trained on complete cars only and does not guess`,
        expected: `a value for every one of ${names.join(', ')}`,
        fix: 'send every specification; look a missing one (e.g. horsepower) up in the data sheet of the car',
      })
    }
    return applied.values
  })
}

function byName(row: readonly unknown[], names: readonly string[], where: string): Record<string, unknown> {
  if (row.length !== names.length) {
    throw new UserError({
      input: where,
      problem: `has ${row.length} value${row.length === 1 ? '' : 's'}`,
      expected: `${names.length} values in this order: ${names.join(', ')}`,
    })
  }
  return Object.fromEntries(names.map((name, column) => [name, row[column]]))
}
