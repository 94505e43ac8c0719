// Turns a CSV file's first record into column names, refusing headers that would make columns ambiguous.
import { UserError } from '../errors/user-error'
import { locationOf } from './input-location'

export function readCsvHeader(record: readonly string[], source: string, line: number): string[] {
  // Hand-written headers often read `a, b, c`; the spaces are never part of the intended name.
  const columns = record.map((name) => name.trim())
  const firstPosition = new Map<string, number>()
  columns.forEach((name, index) => {
    const position = index + 1
    if (name === '') {
      throw new UserError({
        input: locationOf(source, line, position),
        problem: 'the header has an empty column name',
        expected: 'a header line naming every column, e.g. sepal_length,sepal_width,species',
        fix: `name column ${position}, or remove the extra delimiter`,
      })
    }
    const earlier = firstPosition.get(name)
    if (earlier !== undefined) {
      throw new UserError({
        input: locationOf(source, line, position),
        problem: `the header names column "${name}" twice (columns ${earlier} and ${position})`,
        expected: 'each column name once',
        fix: 'rename or remove one of them',
      })
    }
    firstPosition.set(name, position)
  })
  return columns
}
