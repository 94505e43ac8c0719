// The champion gate: each rule of the model's gates judged on a run's test metrics and the champion's.
// A verdict carries the numbers and one sentence, so `runs promote`, the report and the PR summary say
// the same thing: the metric, its value, the limit and the champion's value.
import { formatNumber } from '../format/format-number'
import type { MetricValues } from '../metrics/headline-scorer'
import type { GateRule, GateRuleName } from './gate-rules'

export interface GateVerdict {
  metric: string
  rule: GateRuleName
  limit: number
  value: number | null
  champion: number | null
  /** null when the rule compares with a champion and there is none. */
  passed: boolean | null
  message: string
}

export function gateVerdicts(
  rules: readonly GateRule[],
  values: MetricValues,
  champion: MetricValues | null,
): GateVerdict[] {
  return rules.map(({ metric, rule, limit }) => {
    const value = values[metric.name] ?? null
    const championValue = champion?.[metric.name] ?? null
    const name = metric.name
    const base = { metric: name, rule, limit, value, champion: championValue }
    const vs = championValue === null ? '' : ` (champion ${formatNumber(championValue)})`
    if (value === null) {
      return {
        ...base,
        passed: false,
        message: `${name} has no value on this run's test split, so its ${rule} cannot hold`,
      }
    }
    const shown = formatNumber(value)
    if (rule === 'floor' || rule === 'ceiling') {
      const passed = rule === 'floor' ? value >= limit : value <= limit
      const relation =
        rule === 'floor' ? (passed ? 'is at or above' : 'is below') : passed ? 'is at or below' : 'is above'
      return {
        ...base,
        passed,
        message: `${name} ${shown} ${relation} its ${rule} ${formatNumber(limit)}${vs}`,
      }
    }
    if (championValue === null) {
      return {
        ...base,
        passed: null,
        message: `${name} ${shown}: no champion to compare with, so its ${rule} does not apply`,
      }
    }
    const change = rule === 'maxDrop' ? championValue - value : value - championValue
    const passed = change <= limit
    const moved = rule === 'maxDrop' ? (change > 0 ? 'dropped' : 'rose') : change > 0 ? 'rose' : 'fell'
    return {
      ...base,
      passed,
      message: `${name} ${moved} ${formatNumber(Math.abs(change))} from the champion's ${formatNumber(championValue)} to ${shown}; the most allowed ${rule === 'maxDrop' ? 'drop' : 'rise'} is ${formatNumber(limit)}`,
    }
  })
}

export function failedGates(verdicts: readonly GateVerdict[]): GateVerdict[] {
  return verdicts.filter((verdict) => verdict.passed === false)
}
