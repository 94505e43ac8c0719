// Validates the fractions of a dataset split, naming the option a user got wrong.
import { UserError } from '../errors/user-error'

export interface SplitFractions {
  train: number
  validation: number
  test: number
}

export function validateSplitFractions(options: {
  validationFraction: unknown
  testFraction: unknown
}): SplitFractions {
  const validation = fractionOption('validationFraction', options.validationFraction)
  const test = fractionOption('testFraction', options.testFraction)
  if (validation + test >= 1) {
    throw new UserError({
      input: 'split options validationFraction + testFraction',
      problem: `${validation} + ${test} leaves no rows for training`,
      expected: 'validationFraction + testFraction below 1',
      fix: 'lower validationFraction or testFraction, e.g. 0.15 and 0.15',
    })
  }
  return { train: 1 - validation - test, validation, test }
}

function fractionOption(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new UserError({
      input: `split option ${name}`,
      problem: `${JSON.stringify(value) ?? String(value)} is not a valid fraction`,
      expected: 'a number in [0, 1), e.g. 0.2',
      fix: `set ${name} to a fraction from 0 (no rows) up to, but not including, 1`,
    })
  }
  return value
}
