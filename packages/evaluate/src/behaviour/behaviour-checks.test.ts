import { describe, expect, it } from 'vitest'
import { applyChange, casesOf, readAnswer } from './behaviour-cases'
import { parseBehaviourChecks } from './behaviour-check-spec'
import { checkResults, type InvokeRows } from './check-results'

const FILE = 'models/demo/evaluate/behaviour-checks.json'

const checks = parseBehaviourChecks(
  {
    checks: [
      {
        name: 'obvious ones',
        kind: 'minimum-functionality',
        why: 'must work',
        cases: [
          { input: { x: 1 }, expect: { label: 'big' } },
          { input: { x: -1 }, expect: { label: 'big' } },
          { input: { x: 5 }, expect: { score: { min: 0.5, max: 10 } } },
        ],
      },
      {
        name: 'name ignored',
        kind: 'invariance',
        inputs: 'test',
        limit: 3,
        change: { name: { set: 'other' } },
        same: ['label'],
      },
      {
        name: 'more x, more score',
        kind: 'directional',
        inputs: [{ x: 1 }, { x: 2 }],
        change: { x: { add: 1 } },
        expect: { score: 'up' },
        tolerance: 0.1,
      },
    ],
  },
  FILE,
)

/** A stand-in for a model: label big when x > 0 and score x, but it reads the name: x = 3 named "other" is small. */
const invoke: InvokeRows = async (rows) =>
  rows.map((row) => {
    const x = Number(row.x)
    if (Number.isNaN(x)) return new Error('x is not a number')
    const readsName = x === 3 && row.name === 'other'
    return { label: x > 0 && !readsName ? 'big' : 'small', score: x }
  })

describe('behaviour check files', () => {
  it('parses the three kinds with their defaults', () => {
    expect(checks.map((c) => c.kind)).toEqual(['minimum-functionality', 'invariance', 'directional'])
    expect(checks[1]).toMatchObject({ inputs: { testRows: 3 }, same: { label: 0 }, why: '' })
    expect(checks[2]).toMatchObject({ inputs: { rows: [{ x: 1 }, { x: 2 }] }, tolerance: 0.1 })
  })

  it.each([
    [{}, '', 'has no "checks" list'],
    [{ checks: [{ kind: 'invariance' }] }, ', checks[0]', 'has no "name"'],
    [{ checks: [{ name: 'a', kind: 'sometimes' }] }, ', checks[0] ("a").kind', 'is "sometimes"'],
    [
      { checks: [{ name: 'a', kind: 'minimum-functionality', cases: [{ input: {}, expect: { y: [1] } }] }] },
      ', checks[0] ("a").cases[0].expect.y',
      'is [1]',
    ],
    [
      {
        checks: [
          { name: 'a', kind: 'invariance', inputs: 'test', change: { x: { multiply: 2 } }, same: ['y'] },
        ],
      },
      ', checks[0] ("a").change.x',
      'is {"multiply":2}',
    ],
    [
      {
        checks: [
          { name: 'a', kind: 'directional', inputs: 'all', change: { x: { add: 1 } }, expect: { y: 'up' } },
        ],
      },
      ', checks[0] ("a").inputs',
      'is "all"',
    ],
    [
      {
        checks: [
          {
            name: 'a',
            kind: 'directional',
            inputs: 'test',
            change: { x: { add: 1 } },
            expect: { y: 'sideways' },
          },
        ],
      },
      ', checks[0] ("a").expect',
      'is {"y":"sideways"}',
    ],
  ])('refuses %j, naming where and what', (value, where, problem) => {
    expect(() => parseBehaviourChecks(value, FILE)).toThrow(`${FILE}${where}: ${problem}`)
  })
})

describe('behaviour cases', () => {
  it('changes fields by set, add, scale, append and prepend, leaving the input as it was', () => {
    const row = { a: '2', b: 3, c: 'mid', d: 'x', e: 1 }
    const changed = applyChange(row, {
      a: { add: 0.5 },
      b: { scale: 2 },
      c: { append: '!' },
      d: { prepend: '>' },
      e: { set: null },
    })
    expect(changed).toEqual({ a: 2.5, b: 6, c: 'mid!', d: '>x', e: null })
    expect(row).toEqual({ a: '2', b: 3, c: 'mid', d: 'x', e: 1 })
    expect(readAnswer({ probabilities: { virginica: 0.7 } }, 'probabilities.virginica')).toBe(0.7)
    expect(readAnswer({ label: 'x' }, 'label.deeper')).toBeUndefined()
  })

  it('takes the first test rows for "test" inputs', () => {
    expect(
      casesOf(checks[1] as (typeof checks)[number], [{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }]).map(
        (c) => c.changed,
      ),
    ).toEqual([
      { x: 1, name: 'other' },
      { x: 2, name: 'other' },
      { x: 3, name: 'other' },
    ])
  })
})

describe('behaviour check results', () => {
  it('counts passes per check and shows the failing cases with what was observed', async () => {
    const results = await checkResults(checks, [{ x: 1 }, { x: 3 }, { x: -2 }, { x: 'n/a' }], invoke)
    expect(results.map((r) => [r.name, r.passed, r.cases, r.passRate, r.ranOn])).toEqual([
      ['obvious ones', 2, 3, 2 / 3, '3 given inputs'],
      ['name ignored', 2, 3, 2 / 3, 'the first 3 test rows'],
      ['more x, more score', 2, 2, 1, '2 given inputs'],
    ])
    expect(results[0]?.failures).toEqual([{ input: { x: -1 }, observed: 'label small (expected big)' }])
    // x = 3 with the name changed: the stand-in model reads the name.
    expect(results[1]?.failures).toEqual([
      { input: { x: 3 }, changed: { x: 3, name: 'other' }, observed: 'label big → small' },
    ])
    expect(results[2]?.failures).toEqual([])
  })

  it('fails a case the handler refuses, saying so', async () => {
    const [result] = await checkResults([checks[1] as (typeof checks)[number]], [{ x: 'n/a' }], invoke)
    expect(result?.failures).toEqual([
      {
        input: { x: 'n/a' },
        changed: { x: 'n/a', name: 'other' },
        observed: 'the handler refused it: x is not a number',
      },
    ])
  })
})
