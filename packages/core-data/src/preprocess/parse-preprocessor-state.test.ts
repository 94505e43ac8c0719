import { describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { parsePreprocessorState } from './parse-preprocessor-state'
import { PREPROCESSOR_FORMAT } from './preprocessor-state'

function validState(): Record<string, unknown> {
  return {
    format: PREPROCESSOR_FORMAT,
    features: [
      { name: 'x', kind: 'numeric', min: 0 },
      { name: 'c', kind: 'categorical' },
      { name: 't', kind: 'text' },
    ],
    label: { name: 'y', kind: 'class', classes: ['a', 'b'] },
    columns: [
      { kind: 'numeric', name: 'x', mean: 1, std: 2 },
      { kind: 'categorical', name: 'c', categories: ['p', 'q'] },
      { kind: 'text', name: 't', dimensions: 16 },
    ],
  }
}

function errorOf(json: unknown): UserError {
  try {
    parsePreprocessorState(json, 'model/preprocessor.json')
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('expected a UserError')
}

describe('parsePreprocessorState', () => {
  it('accepts a valid state and drops fields it does not know', () => {
    const state = { ...validState(), extra: true }
    expect(parsePreprocessorState(state)).toEqual(validState())
  })

  it('names a wrong format version', () => {
    const error = errorOf({ ...validState(), format: 'sagepack.preprocessor/v2' })
    expect(error.input).toBe("model/preprocessor.json, field 'format'")
    expect(error.problem).toBe('"sagepack.preprocessor/v2" is not a supported format')
    expect(error.expected).toContain(PREPROCESSOR_FORMAT)
  })

  it('names a missing field', () => {
    const { columns: _, ...withoutColumns } = validState()
    expect(errorOf(withoutColumns)).toMatchObject({
      input: "model/preprocessor.json, field 'columns'",
      problem: 'is missing',
    })
    const state = validState()
    ;(state.columns as Record<string, unknown>[])[0] = { kind: 'numeric', name: 'x', std: 2 }
    expect(errorOf(state).input).toBe("model/preprocessor.json, field 'columns[0].mean'")
  })

  it('rejects parameters that do not fit their feature', () => {
    const cases: Array<[(state: Record<string, unknown>) => void, string]> = [
      [
        (s) =>
          ((s.columns as Record<string, unknown>[])[0] = { kind: 'numeric', name: 'x', mean: 0, std: 0 }),
        'columns[0].std',
      ],
      [
        (s) => ((s.columns as Record<string, unknown>[])[1] = { kind: 'text', name: 'c', dimensions: 4 }),
        'columns[1].kind',
      ],
      [
        (s) => ((s.columns as Record<string, unknown>[])[2] = { kind: 'text', name: 't', dimensions: 1.5 }),
        'columns[2].dimensions',
      ],
      [
        (s) => ((s.columns as Record<string, unknown>[])[2] = { kind: 'text', name: 'u', dimensions: 4 }),
        'columns[2].name',
      ],
      [(s) => (s.columns as unknown[]).pop(), 'columns'],
      [(s) => (s.label = { name: 'y', kind: 'class', classes: ['a', 'a'] }), 'label.classes'],
      [(s) => (s.label = { name: 'y', kind: 'ordinal' }), 'label.kind'],
      [
        (s) => ((s.features as Record<string, unknown>[])[0] = { name: 'x', kind: 'numeric', min: '0' }),
        'features[0].min',
      ],
    ]
    for (const [breakIt, field] of cases) {
      const state = validState()
      breakIt(state)
      expect(errorOf(state).input).toBe(`model/preprocessor.json, field '${field}'`)
    }
  })

  it('rejects something that is not an object', () => {
    expect(errorOf('{}')).toMatchObject({
      input: 'model/preprocessor.json',
      problem: '"{}" is not an object',
    })
  })
})
