// The cases of a behaviour check and their verdicts: which inputs are sent (given rows, or test rows
// and their changed copies), and whether the handler's answers meet the check. Pure: the answers come
// from the bundle's handler in run-behaviour-checks.ts.
import type { BehaviourCheck, Expectation, FieldChange } from './behaviour-check-spec'

type Row = Record<string, unknown>

export interface BehaviourCase {
  /** The input sent as it is (minimum functionality), or before the change. */
  input: Row
  /** The changed copy (invariance, directional). */
  changed?: Row
}

export interface CaseVerdict {
  passed: boolean
  /** What the answers were, in words: `species setosa`, `mpg 18.2 -> 19.1 (may not go up)`. */
  observed: string
}

export function casesOf(check: BehaviourCheck, testRows: readonly Row[]): BehaviourCase[] {
  if (check.kind === 'minimum-functionality') return check.cases.map((c) => ({ input: c.input }))
  const inputs = 'rows' in check.inputs ? check.inputs.rows : testRows.slice(0, check.inputs.testRows)
  return inputs.map((input) => ({ input, changed: applyChange(input, check.change) }))
}

export function applyChange(row: Row, change: Record<string, FieldChange>): Row {
  const changed: Row = { ...row }
  for (const [field, op] of Object.entries(change)) {
    const value = row[field]
    if ('set' in op) changed[field] = op.set
    else if ('add' in op) changed[field] = Number(value) + op.add
    else if ('scale' in op) changed[field] = Number(value) * op.scale
    else if ('append' in op) changed[field] = `${value ?? ''}${op.append}`
    else changed[field] = `${op.prepend}${value ?? ''}`
  }
  return changed
}

/** A dotted path into an answer: `species`, `probabilities.virginica`. */
export function readAnswer(answer: unknown, path: string): unknown {
  let value: unknown = answer
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

export function judgeCase(
  check: BehaviourCheck,
  index: number,
  answer: unknown,
  changedAnswer?: unknown,
): CaseVerdict {
  if (check.kind === 'minimum-functionality') {
    const expected = check.cases[index]?.expect ?? {}
    const parts = Object.entries(expected).map(([path, expectation]) => {
      const value = readAnswer(answer, path)
      return {
        ok: meets(value, expectation),
        text: `${path} ${shown(value)} (expected ${describe(expectation)})`,
      }
    })
    return { passed: parts.every((p) => p.ok), observed: parts.map((p) => p.text).join('; ') }
  }
  if (check.kind === 'invariance') {
    const parts = Object.entries(check.same).map(([path, tolerance]) => {
      const before = readAnswer(answer, path)
      const after = readAnswer(changedAnswer, path)
      const ok =
        before !== undefined &&
        (typeof before === 'number' && typeof after === 'number'
          ? Math.abs(after - before) <= tolerance
          : before === after)
      return {
        ok,
        text: `${path} ${shown(before)} → ${shown(after)}${tolerance > 0 ? ` (may move ${tolerance})` : ''}`,
      }
    })
    return { passed: parts.every((p) => p.ok), observed: parts.map((p) => p.text).join('; ') }
  }
  const parts = Object.entries(check.expect).map(([path, direction]) => {
    const before = readAnswer(answer, path)
    const after = readAnswer(changedAnswer, path)
    const ok =
      typeof before === 'number' &&
      typeof after === 'number' &&
      (direction === 'up' ? after >= before - check.tolerance : after <= before + check.tolerance)
    return {
      ok,
      text: `${path} ${shown(before)} → ${shown(after)} (may not go ${direction === 'up' ? 'down' : 'up'})`,
    }
  })
  return { passed: parts.every((p) => p.ok), observed: parts.map((p) => p.text).join('; ') }
}

function meets(value: unknown, expectation: Expectation): boolean {
  if (typeof expectation !== 'object') return value === expectation
  if (typeof value !== 'number') return false
  return (
    (expectation.min === undefined || value >= expectation.min) &&
    (expectation.max === undefined || value <= expectation.max)
  )
}

function describe(expectation: Expectation): string {
  if (typeof expectation !== 'object') return String(expectation)
  if (expectation.min !== undefined && expectation.max !== undefined)
    return `${expectation.min} to ${expectation.max}`
  return expectation.min !== undefined ? `at least ${expectation.min}` : `at most ${expectation.max}`
}

function shown(value: unknown): string {
  if (value === undefined) return '(missing)'
  if (typeof value === 'number') return String(Number(value.toPrecision(4)))
  return typeof value === 'string' ? value : JSON.stringify(value)
}
