import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defineModelConfig } from './define-model-config'
import { evaluationConfig } from './evaluation-config'
import { resolveConfig } from './resolve-config'

const demo = defineModelConfig(
  'demo',
  evaluationConfig({
    slices: [{ column: 'origin' }, { column: 'text', derive: 'length', bins: [200, 500] }],
    sliceMetric: 'accuracy',
    gates: [{ metric: 'f1_macro', floor: 0.9, maxDrop: 0.02 }],
  }),
)

describe('evaluationConfig', () => {
  it("resolves the model's slices and gates, and the shared defaults", () => {
    expect(resolveConfig(demo, { env: {} }).values.evaluate).toEqual({
      slices: [{ column: 'origin' }, { column: 'text', derive: 'length', bins: [200, 500] }],
      sliceMetric: 'accuracy',
      sliceMargin: 0.05,
      minSliceRows: 10,
      gates: [{ metric: 'f1_macro', floor: 0.9, maxDrop: 0.02 }],
      bootstrapResamples: 1000,
      seed: 7,
    })
  })

  it('takes whole gate tables and slice lists from config.json and --set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evaluation-config-'))
    const configFile = join(dir, 'config.json')
    await writeFile(
      configFile,
      JSON.stringify({ evaluate: { gates: [{ metric: 'log_loss', ceiling: 0.4 }] } }),
    )
    const values = resolveConfig(demo, {
      env: {},
      configFile,
      sets: ['evaluate.slices=[{"column":"cylinders"}]'],
    }).values.evaluate
    expect(values.gates).toEqual([{ metric: 'log_loss', ceiling: 0.4 }])
    expect(values.slices).toEqual([{ column: 'cylinders' }])
  })

  it.each([
    ['evaluate.slices=7', /evaluate\.slices.*list of slices/s],
    ['evaluate.slices=[{"colum":"origin"}]', /evaluate\.slices.*slice 1 has unknown keys colum/s],
    ['evaluate.slices=[{"column":"x","bins":[5,2]}]', /evaluate\.slices.*ascending numbers/s],
    ['evaluate.slices=[{"column":"x","derive":"chars"}]', /evaluate\.slices.*"length" or "words"/s],
    ['evaluate.gates=[{"metric":"f1_macro","flor":0.9}]', /evaluate\.gates.*unknown rule "flor"/s],
    ['evaluate.gates=[{"metric":"f1_macro","maxDrop":-1}]', /evaluate\.gates.*0 or more/s],
    ['evaluate.gates=[{"metric":"f1_macro"}]', /evaluate\.gates.*has no rule/s],
    ['evaluate.gates=[{"floor":0.9}]', /evaluate\.gates.*needs "metric"/s],
    [
      'evaluate.gates=[{"metric":"r2","floor":0.8},{"metric":"r2","maxDrop":0.1}]',
      /evaluate\.gates.*a second time/s,
    ],
  ])('refuses %s, naming the key and the problem', (set, message) => {
    expect(() => resolveConfig(demo, { env: {}, sets: [set] })).toThrow(message)
  })
})
