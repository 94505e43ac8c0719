import { describe, expect, it } from 'vitest'
import { transformJobName, transformModelName } from './transform-names'

const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/
// 55 characters, the most a model name may have; the two differ only in their last character.
const longest = `${'churn-model-'.repeat(4)}abcdefg`
const twin = `${'churn-model-'.repeat(4)}abcdefh`
const NOW = new Date('2026-11-23T16:45:12Z')

describe('transform names', () => {
  it('name short models as before: sagepack-<model>-<digest or time>', () => {
    expect(transformModelName('iris', 'ab'.repeat(32))).toBe('sagepack-iris-abababababab')
    expect(transformJobName('iris', NOW)).toBe('sagepack-iris-20261123-164512')
  })

  it('keep two long models that start in the same second apart, with the time whole', () => {
    expect(longest).toHaveLength(55)
    const jobs = [transformJobName(longest, NOW), transformJobName(twin, NOW)]
    expect(jobs[0]).not.toBe(jobs[1])
    for (const job of jobs) {
      expect(job).toMatch(SAGEMAKER_NAME)
      expect(job).toMatch(/^sagepack-churn-model-churn-model-churn-m-[0-9a-f]{6}-20261123-164512$/)
    }
    const models = [transformModelName(longest, 'ab'.repeat(32)), transformModelName(twin, 'cd'.repeat(32))]
    expect(models[0]).toMatch(/^sagepack-churn-model-churn-model-churn-mode-[0-9a-f]{6}-abababababab$/)
    expect(models[1]).toMatch(/-cdcdcdcdcdcd$/)
    for (const model of models) expect(model).toMatch(SAGEMAKER_NAME)
  })
})
