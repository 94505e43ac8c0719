// What an evaluation is asked to do, from the `evaluate` section of a model's config: slices (checked
// against the run's data columns), the slice metric and margin, the gates (checked against the task's
// metrics) and the bootstrap. A model whose config has no `evaluate` section gets the defaults: no
// slices, no gates.
import { UserError } from '@sagepack/core-data'
import type { EvaluationConfigValues, SliceDeclaration } from '@sagepack/core-train/workspace'
import type { BootstrapOptions } from '../bootstrap/bootstrap-intervals'
import { type GateRule, gateRules } from '../gates/gate-rules'
import { type MetricInfo, metricInfo, metricsOf, type Task } from '../metrics/metric-catalog'

export interface EvaluationSettings {
  slices: readonly SliceDeclaration[]
  sliceMetric: MetricInfo
  sliceMargin: number
  minSliceRows: number
  gates: GateRule[]
  bootstrap: Required<BootstrapOptions>
}

const DEFAULTS: EvaluationConfigValues['evaluate'] = {
  slices: [],
  sliceMetric: '',
  sliceMargin: 0.05,
  minSliceRows: 10,
  gates: [],
  bootstrapResamples: 1000,
  seed: 7,
}

const DEFAULT_SLICE_METRIC = { classification: 'accuracy', regression: 'mae' } as const

/** @param config the model's resolved config (its `evaluate` section, when it has one, was checked by convict) */
export function evaluationSettings(config: unknown, task: Task, model: string): EvaluationSettings {
  const section =
    (typeof config === 'object' && config !== null
      ? (config as Partial<EvaluationConfigValues>).evaluate
      : undefined) ?? {}
  const values = { ...DEFAULTS, ...section }
  const sliceMetricName = values.sliceMetric || DEFAULT_SLICE_METRIC[task]
  const sliceMetric = metricInfo(task, sliceMetricName)
  if (!sliceMetric) {
    throw new UserError({
      input: `models/${model}/config.ts, evaluate.sliceMetric`,
      problem: `is "${sliceMetricName}", which a ${task} model's report does not have`,
      expected: `one of ${metricsOf(task)
        .map((m) => m.name)
        .join(', ')}, or "" for ${DEFAULT_SLICE_METRIC[task]}`,
      fix: `set evaluate.sliceMetric to one of them (\`sagepack config ${model}\` shows it)`,
    })
  }
  return {
    slices: values.slices,
    sliceMetric,
    sliceMargin: values.sliceMargin,
    minSliceRows: values.minSliceRows,
    gates: gateRules(task, values.gates, { model }),
    bootstrap: { resamples: values.bootstrapResamples, seed: values.seed, level: 0.95 },
  }
}
