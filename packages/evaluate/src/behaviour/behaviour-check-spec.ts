// The behaviour checks a model folder declares (models/<model>/evaluate/behaviour-checks.json), in
// CheckList's three kinds: minimum-functionality cases with the answer they must get, invariance (a
// change that must not change the answer) and directional expectations (a change that must not move
// the answer the wrong way). Parsed and checked here, so a malformed file fails naming the check.
import { UserError } from '@sagepack/core-data'

/** A change to one input field. */
export type FieldChange =
  | { set: unknown }
  | { add: number }
  | { scale: number }
  | { append: string }
  | { prepend: string }

/** An expected answer: equal to a string/number/boolean, or a number within bounds. */
export type Expectation = string | number | boolean | { min?: number; max?: number }

/** Rows to perturb: given ones, or the first `limit` rows of the run's test split. */
type CheckInputs = { rows: Array<Record<string, unknown>> } | { testRows: number }

interface CheckBase {
  name: string
  /** Why the model must behave so, for the reader of the report. */
  why: string
}

interface MinimumFunctionalityCheck extends CheckBase {
  kind: 'minimum-functionality'
  cases: Array<{ input: Record<string, unknown>; expect: Record<string, Expectation> }>
}

interface InvarianceCheck extends CheckBase {
  kind: 'invariance'
  inputs: CheckInputs
  change: Record<string, FieldChange>
  /** Answer paths that must stay the same, with how far a number may move (0 for equality). */
  same: Record<string, number>
}

interface DirectionalCheck extends CheckBase {
  kind: 'directional'
  inputs: CheckInputs
  change: Record<string, FieldChange>
  /** Answer paths and the way each may move: `up` means it must not go down (by more than the tolerance). */
  expect: Record<string, 'up' | 'down'>
  tolerance: number
}

export type BehaviourCheck = MinimumFunctionalityCheck | InvarianceCheck | DirectionalCheck

export const BEHAVIOUR_CHECKS_FILE = 'evaluate/behaviour-checks.json'
const DEFAULT_TEST_ROWS = 100
const CHANGE_OPS = ['set', 'add', 'scale', 'append', 'prepend'] as const

type Json = Record<string, unknown>

export function parseBehaviourChecks(value: unknown, file: string): BehaviourCheck[] {
  const fail = (input: string, problem: string, expected: string) =>
    new UserError({
      input: `${file}${input}`,
      problem,
      expected,
      fix: `correct ${file}; the README of @sagepack/evaluate shows every kind`,
    })
  if (!isObject(value) || !Array.isArray(value.checks)) {
    throw fail(
      '',
      'has no "checks" list',
      '{"checks": [{"name": ..., "kind": "minimum-functionality" | "invariance" | "directional", ...}]}',
    )
  }
  const names = new Set<string>()
  return value.checks.map((raw: unknown, i): BehaviourCheck => {
    const at = `, checks[${i}]`
    if (!isObject(raw)) throw fail(at, 'is not an object', 'a check object')
    const name = raw.name
    if (typeof name !== 'string' || name === '')
      throw fail(at, 'has no "name"', 'a short name that says what is checked')
    if (names.has(name)) throw fail(at, `repeats the name "${name}"`, 'a name of its own')
    names.add(name)
    const why = typeof raw.why === 'string' ? raw.why : ''
    const where = `${at} ("${name}")`
    switch (raw.kind) {
      case 'minimum-functionality':
        return { kind: raw.kind, name, why, cases: parseCases(raw.cases, where, fail) }
      case 'invariance':
        return {
          kind: raw.kind,
          name,
          why,
          inputs: parseInputs(raw, where, fail),
          change: parseChange(raw.change, where, fail),
          same: parseSame(raw.same, where, fail),
        }
      case 'directional':
        return {
          kind: raw.kind,
          name,
          why,
          inputs: parseInputs(raw, where, fail),
          change: parseChange(raw.change, where, fail),
          expect: parseDirections(raw.expect, where, fail),
          tolerance: parseTolerance(raw.tolerance, where, fail),
        }
      default:
        throw fail(
          `${where}.kind`,
          `is ${JSON.stringify(raw.kind)}`,
          '"minimum-functionality", "invariance" or "directional"',
        )
    }
  })
}

type Fail = (input: string, problem: string, expected: string) => UserError

function parseCases(raw: unknown, where: string, fail: Fail): MinimumFunctionalityCheck['cases'] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw fail(
      `${where}.cases`,
      'is not a non-empty list',
      '[{"input": {...}, "expect": {"<answer field>": <value>}}]',
    )
  return raw.map((entry: unknown, j) => {
    if (
      !isObject(entry) ||
      !isObject(entry.input) ||
      !isObject(entry.expect) ||
      Object.keys(entry.expect).length === 0
    ) {
      throw fail(
        `${where}.cases[${j}]`,
        'needs an "input" object and a non-empty "expect" object',
        '{"input": {...}, "expect": {"species": "setosa"}} or {"expect": {"mpg": {"min": 25}}}',
      )
    }
    const expect: Record<string, Expectation> = {}
    for (const [path, expectation] of Object.entries(entry.expect)) {
      const valid =
        ['string', 'number', 'boolean'].includes(typeof expectation) ||
        (isObject(expectation) &&
          Object.keys(expectation).length > 0 &&
          Object.entries(expectation).every(
            ([key, bound]) => (key === 'min' || key === 'max') && Number.isFinite(bound),
          ))
      if (!valid)
        throw fail(
          `${where}.cases[${j}].expect.${path}`,
          `is ${JSON.stringify(expectation)}`,
          'a value to equal, or {"min": n, "max": n}',
        )
      expect[path] = expectation as Expectation
    }
    return { input: entry.input, expect }
  })
}

function parseInputs(raw: Json, where: string, fail: Fail): CheckInputs {
  if (raw.inputs === 'test') {
    const limit = raw.limit ?? DEFAULT_TEST_ROWS
    if (!Number.isSafeInteger(limit) || (limit as number) < 1)
      throw fail(
        `${where}.limit`,
        `is ${JSON.stringify(raw.limit)}`,
        'a whole number of test rows, at least 1',
      )
    return { testRows: limit as number }
  }
  if (Array.isArray(raw.inputs) && raw.inputs.length > 0 && raw.inputs.every(isObject))
    return { rows: raw.inputs as Json[] }
  throw fail(
    `${where}.inputs`,
    `is ${JSON.stringify(raw.inputs)}`,
    '"test" (the run\'s test rows, "limit" of them) or a non-empty list of input objects',
  )
}

function parseChange(raw: unknown, where: string, fail: Fail): Record<string, FieldChange> {
  if (!isObject(raw) || Object.keys(raw).length === 0)
    throw fail(
      `${where}.change`,
      'is not a non-empty object',
      '{"<field>": {"set" | "add" | "scale" | "append" | "prepend": value}}',
    )
  const change: Record<string, FieldChange> = {}
  for (const [field, op] of Object.entries(raw)) {
    const keys = isObject(op) ? Object.keys(op) : []
    const [key] = keys
    const ok =
      isObject(op) &&
      keys.length === 1 &&
      (CHANGE_OPS as readonly string[]).includes(key as string) &&
      (key === 'set' ||
        ((key === 'add' || key === 'scale') && Number.isFinite(op[key as string])) ||
        ((key === 'append' || key === 'prepend') && typeof op[key as string] === 'string'))
    if (!ok)
      throw fail(
        `${where}.change.${field}`,
        `is ${JSON.stringify(op)}`,
        'one of {"set": value}, {"add": n}, {"scale": n}, {"append": "text"}, {"prepend": "text"}',
      )
    change[field] = op as FieldChange
  }
  return change
}

function parseSame(raw: unknown, where: string, fail: Fail): Record<string, number> {
  if (Array.isArray(raw) && raw.length > 0 && raw.every((path) => typeof path === 'string')) {
    return Object.fromEntries(raw.map((path) => [path, 0]))
  }
  if (
    isObject(raw) &&
    Object.keys(raw).length > 0 &&
    Object.values(raw).every((t) => Number.isFinite(t) && (t as number) >= 0)
  ) {
    return raw as Record<string, number>
  }
  throw fail(
    `${where}.same`,
    `is ${JSON.stringify(raw)}`,
    'answer fields that must not change: ["species"], or with tolerances: {"mpg": 0.5}',
  )
}

function parseDirections(raw: unknown, where: string, fail: Fail): Record<string, 'up' | 'down'> {
  if (
    isObject(raw) &&
    Object.keys(raw).length > 0 &&
    Object.values(raw).every((d) => d === 'up' || d === 'down')
  ) {
    return raw as Record<string, 'up' | 'down'>
  }
  throw fail(
    `${where}.expect`,
    `is ${JSON.stringify(raw)}`,
    '{"<answer field>": "up" | "down"}, e.g. {"spam_probability": "up"}',
  )
}

function parseTolerance(raw: unknown, where: string, fail: Fail): number {
  if (raw === undefined) return 0
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return raw
  throw fail(
    `${where}.tolerance`,
    `is ${JSON.stringify(raw)}`,
    'a number of at least 0: how far the answer may move the wrong way',
  )
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
