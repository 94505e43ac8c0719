import { describe, expect, it } from 'vitest'
import type { DatasetSchema } from '../schema/feature-schema'
import { type AppliedRow, applySchema } from './apply-schema'
import { formatViolation } from './schema-violation'

const schema: DatasetSchema = {
  features: [
    { name: 'length', kind: 'numeric' },
    { name: 'color', kind: 'categorical', categories: ['red', 'green', '7'] },
    { name: 'city', kind: 'categorical' },
    { name: 'note', kind: 'text' },
  ],
  label: { name: 'species', kind: 'class', classes: ['setosa', 'virginica'] },
}
const where = { source: 'iris.csv', line: 12 }

function messagesOf(result: AppliedRow): string[] {
  if (!('violations' in result)) throw new Error(`expected violations, got ${JSON.stringify(result)}`)
  return result.violations.map(formatViolation)
}

describe('applySchema', () => {
  it('types CSV strings: trimmed numbers, strings as written', () => {
    expect(
      applySchema(
        { length: ' -1.5e2 ', color: 'red', city: ' Oslo', note: 'hi', species: 'setosa', extra: 'x' },
        schema,
        where,
      ),
    ).toEqual({ values: { length: -150, color: 'red', city: ' Oslo', note: 'hi', species: 'setosa' } })
  })

  it('types JSON values: numbers stay numbers, numbers and booleans in string columns become text', () => {
    expect(
      applySchema({ length: 3, color: 7, city: true, note: 0.5, species: 'virginica' }, schema, where),
    ).toEqual({
      values: { length: 3, color: '7', city: 'true', note: '0.5', species: 'virginica' },
    })
  })

  it.each([[''], ['NA'], ['NaN'], ['null'], ['  na '], [null], [undefined]])(
    'takes %j in a numeric column as missing',
    (raw) => {
      const result = applySchema({ length: raw, color: '', city: null, note: '', species: '' }, schema, where)
      expect(result).toEqual({ values: { length: null, color: null, city: null, note: null, species: null } })
    },
  )

  it('keeps NA as a category: only numeric columns read it as missing', () => {
    expect(applySchema({ length: '1', city: 'NA', species: 'setosa' }, schema, where)).toMatchObject({
      values: { city: 'NA', color: null, note: null },
    })
  })

  it('reports every cell of the row that does not fit, as written in errors', () => {
    const result = applySchema(
      { length: '0x1F', color: 'blue', city: { name: 'Oslo' }, note: 'ok', species: 'rose' },
      schema,
      where,
    )
    expect(messagesOf(result)).toEqual([
      'iris.csv:12, column length: expected a number, got "0x1F"',
      'iris.csv:12, column color: expected one of "red", "green", "7", got "blue"',
      'iris.csv:12, column city: expected a string, got {"name":"Oslo"}',
      'iris.csv:12, column species: expected one of "setosa", "virginica", got "rose"',
    ])
  })

  it.each([['1,5'], ['Infinity'], ['1e999'], ['5 kg'], [true], [[1]]])('refuses %j as a number', (raw) => {
    expect(applySchema({ length: raw, species: 'setosa' }, schema, where)).toHaveProperty(
      'violations.0.column',
      'length',
    )
  })

  it('cuts long values short and lists at most ten allowed values', () => {
    const many: DatasetSchema = {
      features: [],
      label: { name: 'y', kind: 'class', classes: Array.from({ length: 12 }, (_, index) => `c${index}`) },
    }
    const result = applySchema({ y: 'x'.repeat(100) }, many, where)
    expect(messagesOf(result)).toEqual([
      `iris.csv:12, column y: expected one of "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", ... (12 in all), got "${'x'.repeat(56)}...`,
    ])
  })

  it('leaves the label out for serving rows', () => {
    expect(applySchema({ length: '2' }, schema, where, { includeLabel: false })).toEqual({
      values: { length: 2, color: null, city: null, note: null },
    })
  })

  it('reads only own properties, and keeps a column named __proto__ as a value', () => {
    const odd: DatasetSchema = {
      features: [
        { name: 'constructor', kind: 'text' },
        { name: '__proto__', kind: 'numeric' },
      ],
      label: { name: 'y', kind: 'numeric' },
    }
    const result = applySchema(JSON.parse('{"__proto__": "4", "y": 1}'), odd, where)
    expect(result).toEqual({
      values: Object.fromEntries([
        ['constructor', null],
        ['__proto__', 4],
        ['y', 1],
      ]),
    })
    expect('values' in result && Object.getPrototypeOf(result.values)).toBe(Object.prototype)
  })
})
