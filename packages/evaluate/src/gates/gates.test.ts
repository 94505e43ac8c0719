import { describe, expect, it } from 'vitest'
import { gateRules } from './gate-rules'
import { failedGates, gateVerdicts } from './gate-verdicts'

describe('gate rules', () => {
  it('refuses a gate on a metric the task does not have, naming the metrics it has', () => {
    expect(() => gateRules('classification', [{ metric: 'rmse', ceiling: 1 }], { model: 'iris' })).toThrow(
      [
        'models/iris/config.ts, evaluate.gates[0].metric: gates "rmse", which a classification model\'s report does not have',
        '  expected: one of accuracy, f1_macro, precision_macro, recall_macro, log_loss, roc_auc, average_precision, ece',
        '  fix: gate a metric of the list, or remove the gate (`sagepack config iris` shows evaluate.gates)',
      ].join('\n'),
    )
  })

  it('refuses a floor on a lower-is-better metric and a ceiling on a higher-is-better one', () => {
    expect(() => gateRules('regression', [{ metric: 'rmse', floor: 1 }], { model: 'car-mpg' })).toThrow(
      /rmse is lower-is-better.*\n.*ceiling and\/or maxRise.*\n.*write ceiling instead/,
    )
    expect(() => gateRules('regression', [{ metric: 'r2', maxRise: 1 }], { model: 'car-mpg' })).toThrow(
      /write maxDrop instead/,
    )
  })
})

describe('gate verdicts', () => {
  const rules = gateRules(
    'regression',
    [
      { metric: 'rmse', ceiling: 3.4, maxRise: 0.2 },
      { metric: 'r2', floor: 0.8, maxDrop: 0.03 },
    ],
    { model: 'car-mpg' },
  )

  it('names the metric, its value, the limit and the champion value of every rule', () => {
    const verdicts = gateVerdicts(rules, { rmse: 3.6, r2: 0.85, mae: 2 }, { rmse: 3.1, r2: 0.86 })
    expect(verdicts.map((v) => [v.rule, v.passed, v.message])).toEqual([
      ['ceiling', false, 'rmse 3.6 is above its ceiling 3.4 (champion 3.1)'],
      ['maxRise', false, "rmse rose 0.5 from the champion's 3.1 to 3.6; the most allowed rise is 0.2"],
      ['floor', true, 'r2 0.85 is at or above its floor 0.8 (champion 0.86)'],
      ['maxDrop', true, "r2 dropped 0.01 from the champion's 0.86 to 0.85; the most allowed drop is 0.03"],
    ])
    expect(failedGates(verdicts).map((v) => v.rule)).toEqual(['ceiling', 'maxRise'])
    expect(verdicts[1]).toMatchObject({ metric: 'rmse', limit: 0.2, value: 3.6, champion: 3.1 })
  })

  it('does not apply the champion rules without a champion, and fails a metric without a value', () => {
    const verdicts = gateVerdicts(rules, { rmse: 3, r2: null }, null)
    expect(verdicts.map((v) => v.passed)).toEqual([true, null, false, false])
    expect(verdicts[1]?.message).toBe('rmse 3: no champion to compare with, so its maxRise does not apply')
  })
})
