// Checks the gates a model's config declares against the metrics its task has: a gate on a metric the
// report does not score, or a floor on a metric where lower is better, fails naming the fix.
import { UserError } from '@sagepack/core-data'
import type { GateDeclaration } from '@sagepack/core-train/workspace'
import { type MetricInfo, metricInfo, metricsOf, type Task } from '../metrics/metric-catalog'

export type GateRuleName = 'floor' | 'ceiling' | 'maxDrop' | 'maxRise'

export interface GateRule {
  metric: MetricInfo
  rule: GateRuleName
  limit: number
}

const RULES_OF = {
  higher: ['floor', 'maxDrop'],
  lower: ['ceiling', 'maxRise'],
} as const

export function gateRules(
  task: Task,
  gates: readonly GateDeclaration[],
  where: { model: string },
): GateRule[] {
  return gates.flatMap((gate, i) => {
    const at = `models/${where.model}/config.ts, evaluate.gates[${i}]`
    const metric = metricInfo(task, gate.metric)
    if (!metric) {
      throw new UserError({
        input: `${at}.metric`,
        problem: `gates "${gate.metric}", which a ${task} model's report does not have`,
        expected: `one of ${metricsOf(task)
          .map((m) => m.name)
          .join(', ')}`,
        fix: `gate a metric of the list, or remove the gate (\`sagepack config ${where.model}\` shows evaluate.gates)`,
      })
    }
    const allowed: readonly string[] = RULES_OF[metric.higherIsBetter ? 'higher' : 'lower']
    return (['floor', 'ceiling', 'maxDrop', 'maxRise'] as const)
      .filter((rule) => gate[rule] !== undefined)
      .map((rule) => {
        if (!allowed.includes(rule)) {
          throw new UserError({
            input: `${at}.${rule}`,
            problem: `${metric.name} is ${metric.higherIsBetter ? 'higher' : 'lower'}-is-better, so a ${rule} never binds the way it reads`,
            expected: `${allowed.join(' and/or ')} for ${metric.name}`,
            fix: `write ${rule === 'floor' ? 'ceiling' : rule === 'ceiling' ? 'floor' : rule === 'maxDrop' ? 'maxRise' : 'maxDrop'} instead`,
          })
        }
        return { metric, rule, limit: gate[rule] as number }
      })
  })
}
