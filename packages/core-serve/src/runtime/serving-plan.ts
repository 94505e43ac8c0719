// The one rule for how a model is served on this machine: how many workers, how many onnxruntime
// threads each, and whether the weights are shared (mapped once from model.onnx.data) or private
// (prepacked, a copy per worker). Pure: the facts come in (serve-main.ts gathers them), the plan and
// its reason go out, and serve-main prints both at start-up.
//
// Measured here on a 1 GiB ONNX MLP (4 -> 16384 -> 16384 -> 3, onnxruntime-node 1.30, 2 CPUs; see the
// README's "Big models" and bench/serve/big-model-bench.ts):
// - private: a session loads in 5.5-13 s and peaks at 2x the weights while prepacking (the original
//   and the packed copy), then holds 1x privately; four workers peaked at 8.3 GiB.
// - shared (external data, prepacking off): a session loads in 0.1-0.3 s, holds no private copy, and
//   four workers add none (the weights' 1 GiB of page cache is counted once, Pss 1.09 GiB).
// - one-row predict was 0.8x-1.8x as fast without prepacking, in runs on a busy machine: no reason to
//   pay a copy per worker and seconds of start for big weights.

import type { PredictorOptions } from '../predictors/predictor-options'
import { defaultWorkerCount } from '../workers/worker-count'

const MiB = 2 ** 20

/**
 * Weights up to this size are prepacked privately in every worker: loading takes well under a second
 * and a copy each costs little. Bigger ones are shared when they are external data. The same threshold
 * makes `sagepack train` write them as external data (core-train's EXTERNAL_DATA_ABOVE_BYTES).
 */
export const PRIVATE_WEIGHTS_MAX_BYTES = 64 * MiB
/**
 * The share of the machine's memory that private weight copies may take, counting the 2x peak of
 * prepacking in every worker at once (workers load together); the rest is for the page cache, the
 * workers' heaps and requests in flight.
 */
export const PRIVATE_WEIGHTS_MEMORY_SHARE = 0.5
/** A private session holds the original and the prepacked copy while it loads. */
const PREPACK_PEAK_FACTOR = 2

export interface ServingFacts {
  format: 'onnx' | 'tfjs'
  /** Bytes of the bundle's weight files (model.onnx + model.onnx.data, or model.json + *.bin). */
  weightsBytes: number
  /** Whether the weights are in model.onnx.data, which onnxruntime can map and share. */
  externalData: boolean
  /** The machine's memory, or the container's limit when lower. */
  memoryBytes: number
  cpus: number
  /** SAGEMAKER_MODEL_SERVER_WORKERS (or --workers) when set: it wins over the rule. */
  requestedWorkers?: number
}

export interface ServingPlan extends PredictorOptions {
  workers: number
  /** Why, in words, for the start-up line. */
  reason: string
}

export function servingPlan(facts: ServingFacts): ServingPlan {
  const defaultWorkers = defaultWorkerCount(facts.cpus)
  const requested = facts.requestedWorkers
  const shareable = facts.format === 'onnx' && facts.externalData
  if (facts.weightsBytes <= PRIVATE_WEIGHTS_MAX_BYTES) {
    return {
      workers: requested ?? defaultWorkers,
      intraOpThreads: 1,
      weights: 'private',
      reason: `weights of ${size(facts.weightsBytes)} (at most ${size(PRIVATE_WEIGHTS_MAX_BYTES)}): a prepacked copy per worker`,
    }
  }
  if (shareable) {
    // Unpacked weights are packed again on every predict call of more than one row, so a batch of n
    // rows costs about n single rows (README, "Big models"): throughput comes from calls that run side
    // by side, not from bigger batches. One worker per CPU (so one onnxruntime thread each), with no
    // CPU kept for HTTP, whose microseconds a request are nothing beside a big model's milliseconds; a
    // copy per worker costs nothing here.
    const workers = requested ?? Math.max(1, facts.cpus)
    return {
      workers,
      intraOpThreads: spareThreads(facts.cpus, workers),
      weights: 'shared',
      reason:
        `weights of ${size(facts.weightsBytes)} in model.onnx.data: mapped once and shared by every worker ` +
        '(no prepacked copy each)',
    }
  }
  // Big weights that cannot be shared (inside model.onnx, or tfjs, which keeps them in each worker's
  // heap): as many private copies as fit.
  const budget = facts.memoryBytes * PRIVATE_WEIGHTS_MEMORY_SHARE
  const fitting = Math.max(1, Math.floor(budget / (PREPACK_PEAK_FACTOR * facts.weightsBytes)))
  const workers = requested ?? Math.min(defaultWorkers, fitting)
  const limited = requested === undefined && fitting < defaultWorkers
  return {
    workers,
    intraOpThreads: facts.format === 'onnx' ? spareThreads(facts.cpus, workers) : 1,
    weights: 'private',
    reason:
      `weights of ${size(facts.weightsBytes)} ${facts.format === 'onnx' ? 'inside model.onnx' : 'in tfjs files'} ` +
      `cannot be shared: a private copy per worker${limited ? `, workers limited to ${fitting} so that ${PREPACK_PEAK_FACTOR}x the weights each fit in ${Math.round(PRIVATE_WEIGHTS_MEMORY_SHARE * 100)}% of ${size(facts.memoryBytes)}` : ''}`,
  }
}

/** The cores left to each worker, one kept for the HTTP thread (as defaultWorkerCount does). */
function spareThreads(cpus: number, workers: number): number {
  return Math.max(1, Math.floor(Math.max(1, cpus - 1) / workers))
}

function size(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${(bytes / MiB).toFixed(1)} MiB`
}
