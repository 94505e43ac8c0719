import { isUserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { checkModelName, MAX_MODEL_NAME_LENGTH, RESERVED_MODEL_NAMES } from './model-name-rules'

function problemOf(name: string): { problem: string; expected?: string; fix?: string } | null {
  try {
    checkModelName(name)
    return null
  } catch (error) {
    if (!isUserError(error)) throw error
    expect(error.input).toBe(`model name "${name}"`)
    return {
      problem: error.problem,
      ...(error.expected && { expected: error.expected }),
      ...(error.fix && { fix: error.fix }),
    }
  }
}

/** cloudformation/model-endpoint.yaml's ModelName parameter. */
const CLOUDFORMATION_MODEL_NAME = /^[a-z0-9](-?[a-z0-9])*$/

describe('checkModelName', () => {
  it('accepts lowercase kebab-case names up to the CloudFormation limit', () => {
    const longest = `a${'-b'.repeat((MAX_MODEL_NAME_LENGTH - 1) / 2)}`
    expect(longest).toHaveLength(MAX_MODEL_NAME_LENGTH)
    for (const name of ['iris', 'car-mpg', 'house-prices-2', 'x', longest]) {
      expect(problemOf(name), name).toBeNull()
      expect(name).toMatch(CLOUDFORMATION_MODEL_NAME)
      expect(`${name}-staging`.length).toBeLessThanOrEqual(63)
    }
  })

  it('rejects what is not lowercase kebab-case, suggesting the nearest name that is', () => {
    expect(problemOf('HousePrices')).toMatchObject({
      problem: 'is not lowercase kebab-case',
      fix: 'try "house-prices"',
    })
    expect(problemOf('house_prices')?.fix).toBe('try "house-prices"')
    expect(problemOf('house--prices')?.fix).toBe('try "house-prices"')
    expect(problemOf('house-prices-')?.fix).toBe('try "house-prices"')
    expect(problemOf('2fast')?.fix).toBe('try "fast"')
    expect(problemOf('-x')?.problem).toBe('is not lowercase kebab-case')
    expect(problemOf('models/x')?.problem).toBe('is not lowercase kebab-case')
    expect(problemOf('..')?.problem).toBe('is not lowercase kebab-case')
    expect(problemOf('')?.problem).toBe('is not lowercase kebab-case')
  })

  it('rejects names whose endpoint <name>-staging would pass 63 characters', () => {
    const name = 'a'.repeat(MAX_MODEL_NAME_LENGTH + 1)
    expect(problemOf(name)).toMatchObject({ problem: `is ${name.length} characters long` })
    expect(problemOf(name)?.expected).toContain(`"${name}-staging" fits in 63`)
  })

  it('rejects reserved names, saying what each already is', () => {
    for (const name of ['node_modules', 'core', 'cli', 'test', 'runs', 'dist']) {
      expect(problemOf(name)?.problem, name).toBe(`is reserved: it is ${RESERVED_MODEL_NAMES.get(name)}`)
    }
  })
})
