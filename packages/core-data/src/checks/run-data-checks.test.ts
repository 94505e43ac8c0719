import { describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { assertDataChecksPassed, DataCheckError } from './data-check-error'
import { formatDataCheckReport } from './format-data-check-report'
import { runDataChecks } from './run-data-checks'
import { irisSchema, priceSchema, records } from './test-records'

const now = new Date('2024-01-02T03:04:05.000Z')
const clean = records([
  { length: 1, color: 'red', species: 'a' },
  { length: 2, color: 'red', species: 'b' },
  { length: 3, color: 'red', species: 'c' },
])

describe('runDataChecks', () => {
  it('runs every check that applies and passes clean data', () => {
    const report = runDataChecks({ schema: irisSchema, records: clean, now })
    expect(report.passed).toBe(true)
    expect(report.checkedAt).toBe('2024-01-02T03:04:05.000Z')
    expect(report.results.map((result) => result.check)).toEqual([
      'missingValues',
      'valueRanges',
      'classBalance',
      'duplicateRows',
    ])
    expect(report.results.every((result) => result.passed)).toBe(true)
  })

  it('skips class balance for regression and runs leakage only with splits', () => {
    const data = records([{ rooms: 1, price: 2 }])
    const report = runDataChecks({ schema: priceSchema, records: data, splits: { train: data, test: data } })
    expect(report.results.map((result) => result.check)).toEqual([
      'missingValues',
      'valueRanges',
      'duplicateRows',
      'trainTestLeakage',
    ])
    expect(report.passed).toBe(false)
    expect(report.results.at(-1)).toMatchObject({ passed: false, severity: 'error' })
  })

  it('passes with warnings only, and fails on an error', () => {
    const duplicated = [...clean, ...records([{ length: 1, color: 'red', species: 'a' }])]
    expect(runDataChecks({ schema: irisSchema, records: duplicated }).passed).toBe(true)
    const conflicting = [...clean, ...records([{ length: 1, color: 'red', species: 'b' }])]
    expect(runDataChecks({ schema: irisSchema, records: conflicting }).passed).toBe(false)
  })

  it('lets a severity override turn a failure into a warning', () => {
    const leaky = { train: clean, test: clean.slice(0, 1) }
    const options = { severities: { trainTestLeakage: 'warning' as const } }
    const report = runDataChecks({ schema: irisSchema, records: clean, splits: leaky, options })
    expect(report.passed).toBe(true)
    expect(report.results.at(-1)).toMatchObject({
      check: 'trainTestLeakage',
      passed: false,
      severity: 'warning',
    })
  })

  it('rejects bad options with the config key', () => {
    expect(() =>
      runDataChecks({ schema: irisSchema, records: clean, options: { minClassFraction: 2 } }),
    ).toThrow(/checks\.minClassFraction/)
  })
})

describe('formatDataCheckReport and assertDataChecksPassed', () => {
  const failing = runDataChecks({
    schema: irisSchema,
    records: [
      ...clean,
      ...records([
        { length: 1, color: 'red', species: 'a' },
        { length: 40, color: 'red', species: 'a' },
      ]),
    ],
    now,
  })

  it('writes one line per check with its status', () => {
    const lines = formatDataCheckReport(failing).split('\n')
    expect(lines[0]).toBe('Data checks FAILED: 4 run, 1 error, 1 warning (2024-01-02T03:04:05.000Z)')
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'PASS missingValues',
      'FAIL valueRanges',
      'PASS classBalance',
      'WARN duplicateRows',
    ])
    expect(lines[2]).toContain('data.csv:3 length 40')
  })

  it('throws a DataCheckError holding the report, with the formatted report and a fix', () => {
    let thrown: unknown
    try {
      assertDataChecksPassed(failing)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DataCheckError)
    expect(thrown).toBeInstanceOf(UserError)
    const error = thrown as DataCheckError
    expect(error.report).toBe(failing)
    expect(error.message).toContain('valueRanges failed')
    expect(error.message).toContain(formatDataCheckReport(failing))
    expect(error.fix).toContain('checks.severities.<check>')
  })

  it('does not throw on a report that passed with warnings', () => {
    const warned = runDataChecks({ schema: irisSchema, records: [...clean, ...clean] })
    expect(warned.passed).toBe(true)
    expect(() => assertDataChecksPassed(warned)).not.toThrow()
  })
})
