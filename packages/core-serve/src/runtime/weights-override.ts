// SAGEPACK_WEIGHTS=shared|private: overrides the serving plan's choice of how the weights are held,
// for an operator who measured otherwise and for the benchmark, which compares both on one model.
import { UserError } from '@sagepack/core-data'
import type { PredictorOptions } from '../predictors/predictor-options'

export const WEIGHTS_ENV = 'SAGEPACK_WEIGHTS'

export function weightsOverride(
  env: Record<string, string | undefined>,
): PredictorOptions['weights'] | undefined {
  const value = env[WEIGHTS_ENV]?.trim()
  if (value === undefined || value === '') return undefined
  if (value === 'shared' || value === 'private') return value
  throw new UserError({
    input: `${WEIGHTS_ENV}=${value}`,
    problem: 'is not a way to hold the weights',
    expected:
      "'shared' (mapped from model.onnx.data by every worker) or 'private' (a prepacked copy per worker)",
    fix: `unset ${WEIGHTS_ENV} to let the serving plan choose`,
  })
}
