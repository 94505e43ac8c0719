// Runs behaviour checks through an `invoke` function (the bundle's handler, in run-behaviour-checks.ts)
// and sums each up: cases, passes, pass rate, and the first failing examples with what was observed.

import { type BehaviourCase, casesOf, judgeCase } from './behaviour-cases'
import type { BehaviourCheck } from './behaviour-check-spec'

type Row = Record<string, unknown>

/** The handler's answer per row, or an Error for a row it refused. */
export type InvokeRows = (rows: Row[]) => Promise<Array<unknown | Error>>

const FAILURES_SHOWN = 5

export interface BehaviourCheckResult {
  name: string
  kind: BehaviourCheck['kind']
  why: string
  /** What the cases were made from, in words. */
  ranOn: string
  cases: number
  passed: number
  /** passed / cases; null without cases. */
  passRate: number | null
  failures: Array<{ input: Row; changed?: Row; observed: string }>
}

export async function checkResults(
  checks: readonly BehaviourCheck[],
  testRows: readonly Row[],
  invoke: InvokeRows,
): Promise<BehaviourCheckResult[]> {
  const results: BehaviourCheckResult[] = []
  for (const check of checks) {
    const cases = casesOf(check, testRows)
    const answers = await invoke(cases.map((c) => c.input))
    const changedAnswers = cases.some((c) => c.changed)
      ? await invoke(cases.map((c) => c.changed ?? c.input))
      : []
    let passed = 0
    const failures: BehaviourCheckResult['failures'] = []
    cases.forEach((c: BehaviourCase, i) => {
      const refused = [answers[i], changedAnswers[i]].find((answer) => answer instanceof Error) as
        | Error
        | undefined
      const verdict = refused
        ? { passed: false, observed: `the handler refused it: ${refused.message}` }
        : judgeCase(check, i, answers[i], changedAnswers[i])
      if (verdict.passed) passed++
      else if (failures.length < FAILURES_SHOWN) {
        failures.push({
          input: c.input,
          ...(c.changed ? { changed: c.changed } : {}),
          observed: verdict.observed,
        })
      }
    })
    results.push({
      name: check.name,
      kind: check.kind,
      why: check.why,
      ranOn:
        check.kind === 'minimum-functionality' || 'rows' in check.inputs
          ? `${cases.length} given input${cases.length === 1 ? '' : 's'}`
          : cases.length < check.inputs.testRows
            ? `all ${cases.length} test rows`
            : `the first ${cases.length} test rows`,
      cases: cases.length,
      passed,
      passRate: cases.length === 0 ? null : passed / cases.length,
      failures,
    })
  }
  return results
}
