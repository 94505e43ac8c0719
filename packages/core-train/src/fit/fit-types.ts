// The shapes the fit loop shares with its callers and callbacks.
import type * as tf from '@tensorflow/tfjs'
import type { CheckpointStore } from './checkpoint-store'
import type { EpochLogs } from './epoch-logs'

export interface TrainBeginInfo {
  epochs: number
  batchesPerEpoch: number
  /** Epochs already done: 0 on a fresh run, the checkpoint's epoch on a resumed one. */
  initialEpoch: number
  /** The model being trained, for callbacks that snapshot or restore weights. */
  model: tf.LayersModel
}

export interface EpochControl {
  /** Ends training after this epoch; the first reason given is reported. */
  stop(reason: string): void
}

export interface FitCallback {
  /** Key of this callback's state in a checkpoint; give one to every stateful callback. */
  name?: string
  onTrainBegin?(info: TrainBeginInfo): void | Promise<void>
  /** `batch` counts from 1 to `batches` within the epoch. */
  onBatchEnd?(batch: number, batches: number): void
  onEpochEnd?(logs: EpochLogs, control: EpochControl): void | Promise<void>
  onTrainEnd?(result: FitResult): void | Promise<void>
  /** JSON-serialisable state saved with each checkpoint. */
  state?(): unknown
  /** Called with the saved state when a run resumes, before onTrainBegin. */
  restore?(state: unknown): void
}

export interface FitOptions {
  /** Compiled, optionally with metrics: ['accuracy']. */
  model: tf.LayersModel
  x: tf.Tensor2D
  y: tf.Tensor
  validation?: { x: tf.Tensor2D; y: tf.Tensor }
  epochs: number
  batchSize: number
  /** Drives the per-epoch shuffle; weight initialisation and dropout are seeded by whoever builds the model. */
  seed: number
  callbacks?: FitCallback[]
  /** Aborting stops training after the current batch (SIGTERM in the runner). */
  signal?: AbortSignal
  /** Resume from the store's latest checkpoint if there is one, and save one every `every` epochs. */
  checkpoints?: { store: CheckpointStore; every: number }
}

export interface FitResult {
  /** Epochs completed by this call (not counting those restored from a checkpoint). */
  epochsRun: number
  /** The last completed epoch, counting restored ones; 0 if none. */
  lastEpoch: number
  /** Every completed epoch, restored ones included. */
  history: EpochLogs[]
  stoppedEarly: boolean
  stopReason?: string
  interrupted: boolean
  /** The checkpoint epoch this call continued from. */
  resumedFromEpoch?: number
}
