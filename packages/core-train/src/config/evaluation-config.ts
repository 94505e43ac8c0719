// The `evaluate` section a model's config declares: the slices its report cuts the test split into,
// the margin that flags a slice, the champion gates `runs promote` and PR CI apply, and the bootstrap
// behind every interval. A model spreads `evaluationConfig({ ... })` into its config with its own
// defaults. The shapes are checked here, when the config is resolved; whether a slice's column or a
// gate's metric exists is checked by @sagepack/evaluate, which knows the run's data and task.
import type convict from 'convict'
import { positiveInteger } from './config-formats'

/** One way of cutting the test split: a column's values, or a numeric column (or a derived measure) cut into bins. */
export interface SliceDeclaration {
  /** A column of the training data (a feature or any other column, e.g. an id or a flag). */
  column: string
  /** The slice's title in the report; default: the column (and the derived measure). */
  name?: string
  /** Inner cut points, ascending: [200, 500] gives "< 200", "200 to < 500", ">= 500". No bins: one slice per value. */
  bins?: number[]
  /** A number derived from a text column: its length in characters or its word count. */
  derive?: 'length' | 'words'
}

/** The rules one metric must meet. Higher-is-better metrics take floor/maxDrop, lower-is-better ceiling/maxRise. */
export interface GateDeclaration {
  /** A test metric of the report, e.g. f1_macro or rmse. */
  metric: string
  /** The lowest value a run may have. */
  floor?: number
  /** The highest value a run may have. */
  ceiling?: number
  /** The most the metric may fall below the champion's value. */
  maxDrop?: number
  /** The most the metric may rise above the champion's value. */
  maxRise?: number
}

export interface EvaluationConfigValues {
  evaluate: {
    slices: SliceDeclaration[]
    sliceMetric: string
    sliceMargin: number
    minSliceRows: number
    gates: GateDeclaration[]
    bootstrapResamples: number
    seed: number
  }
}

export type EvaluationDefaults = Partial<EvaluationConfigValues['evaluate']>

const SLICE_KEYS = new Set(['column', 'name', 'bins', 'derive'])
const GATE_RULES = new Set(['floor', 'ceiling', 'maxDrop', 'maxRise'])

/** Convict format of `evaluate.slices`. */
function sliceList(value: unknown): void {
  if (!Array.isArray(value)) throw new Error('must be a list of slices, e.g. [{"column": "origin"}]')
  value.forEach((slice: unknown, i) => {
    const at = `slice ${i + 1}`
    if (typeof slice !== 'object' || slice === null || Array.isArray(slice)) {
      throw new Error(`${at} must be an object such as {"column": "origin"}`)
    }
    const fields = slice as Record<string, unknown>
    const unknown = Object.keys(fields).filter((key) => !SLICE_KEYS.has(key))
    if (unknown.length > 0)
      throw new Error(`${at} has unknown keys ${unknown.join(', ')} (known: ${[...SLICE_KEYS].join(', ')})`)
    if (typeof fields.column !== 'string' || fields.column === '')
      throw new Error(`${at} needs "column", a column name`)
    if (fields.name !== undefined && typeof fields.name !== 'string')
      throw new Error(`${at}: "name" must be a string`)
    if (fields.derive !== undefined && fields.derive !== 'length' && fields.derive !== 'words') {
      throw new Error(`${at}: "derive" must be "length" or "words"`)
    }
    if (fields.bins !== undefined) {
      const bins = fields.bins
      if (
        !Array.isArray(bins) ||
        bins.length === 0 ||
        !bins.every(
          (edge, j) => Number.isFinite(edge) && (j === 0 || (edge as number) > (bins[j - 1] as number)),
        )
      ) {
        throw new Error(`${at}: "bins" must be a non-empty list of ascending numbers (the cut points)`)
      }
    }
  })
}

/** Convict format of `evaluate.gates`. A list, not an object keyed by metric: convict would merge a
 * config.json object into the defaults key by key instead of replacing it. */
function gateList(value: unknown): void {
  if (!Array.isArray(value)) {
    throw new Error('must be a list of gates, e.g. [{"metric": "f1_macro", "floor": 0.9, "maxDrop": 0.02}]')
  }
  const seen = new Set<string>()
  value.forEach((gate: unknown, i) => {
    const at = `gate ${i + 1}`
    if (typeof gate !== 'object' || gate === null || Array.isArray(gate)) {
      throw new Error(`${at} must be an object such as {"metric": "f1_macro", "floor": 0.9}`)
    }
    const { metric, ...rules } = gate as Record<string, unknown>
    if (typeof metric !== 'string' || metric === '')
      throw new Error(`${at} needs "metric", a test metric name`)
    if (seen.has(metric)) throw new Error(`${at} gates ${metric} a second time: give each metric one gate`)
    seen.add(metric)
    const entries = Object.entries(rules)
    if (entries.length === 0)
      throw new Error(`${at} (${metric}) has no rule: floor, ceiling, maxDrop or maxRise`)
    for (const [key, limit] of entries) {
      if (!GATE_RULES.has(key)) {
        throw new Error(
          `${at} (${metric}) has an unknown rule "${key}" (known: ${[...GATE_RULES].join(', ')})`,
        )
      }
      if (typeof limit !== 'number' || !Number.isFinite(limit))
        throw new Error(`${at} (${metric}): "${key}" must be a number`)
      if ((key === 'maxDrop' || key === 'maxRise') && limit < 0)
        throw new Error(`${at} (${metric}): "${key}" must be 0 or more`)
    }
  })
}

/** The `evaluate` section, with this model's defaults. */
export function evaluationConfig(defaults: EvaluationDefaults = {}): convict.Schema<EvaluationConfigValues> {
  return {
    evaluate: {
      slices: {
        doc: 'How the report cuts the test split: [{"column": "origin"}, {"column": "weight", "bins": [2500, 3500]}, {"column": "text", "derive": "length", "bins": [200, 500]}]',
        format: sliceList,
        default: defaults.slices ?? [],
      },
      sliceMetric: {
        doc: 'The metric slices are compared on ("" = accuracy for classifiers, MAE for regressors)',
        format: String,
        default: defaults.sliceMetric ?? '',
      },
      sliceMargin: {
        doc: 'Flag a slice whose slice metric is worse than the whole test split by more than this',
        format: Number,
        default: defaults.sliceMargin ?? 0.05,
      },
      minSliceRows: {
        doc: 'Slices with fewer test rows are shown but never flagged: their metric is mostly noise',
        format: positiveInteger,
        default: defaults.minSliceRows ?? 10,
      },
      gates: {
        doc: 'Champion gates on test metrics: [{"metric": "f1_macro", "floor": 0.9, "maxDrop": 0.02}]; lower-is-better metrics take ceiling/maxRise. `runs promote` and PR CI refuse a run that fails one',
        format: gateList,
        default: defaults.gates ?? [],
      },
      bootstrapResamples: {
        doc: 'Bootstrap resamples behind every 95% interval in the report',
        format: positiveInteger,
        default: defaults.bootstrapResamples ?? 1000,
      },
      seed: {
        doc: 'Seed of the bootstrap: the same run and seed give the same intervals',
        format: 'int',
        default: defaults.seed ?? 7,
      },
    },
  } as convict.Schema<EvaluationConfigValues>
}
