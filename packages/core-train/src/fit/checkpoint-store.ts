// Keeps the latest training checkpoint in a directory: model weights, optimizer weights (e.g. Adam's
// moments and iteration count) and JSON state. Each checkpoint goes into a new subdirectory written
// atomically, then a small pointer file is replaced atomically, so a crash at any moment (a spot
// instance reclaimed mid-write) leaves the previous checkpoint usable. Older ones are then removed.

import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { UserError, writeJsonAtomic } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { writeDirectoryAtomic } from '../model-files/write-directory-atomic'
import { fromCheckpointJson, toCheckpointJson } from './checkpoint-json'
import type { EpochLogs, EpochProgress } from './epoch-logs'
import { readOptimizerExtras } from './optimizer-extra-state'

/** The file that names the latest complete checkpoint; its presence means there is one. */
export const CHECKPOINT_POINTER = 'checkpoint.json'
const POINTER = CHECKPOINT_POINTER
const FORMAT = 'sagepack-checkpoint/1'
const STATE = 'state.json'
const MODEL_WEIGHTS = 'model-weights.bin'
const OPTIMIZER_WEIGHTS = 'optimizer-weights.bin'
const ENTRY_PREFIX = 'epoch-'

/** tfjs's NamedTensor, which the package does not export. */
export interface NamedTensor {
  name: string
  tensor: tf.Tensor
}

export interface CheckpointInput {
  /** Completed epochs. */
  epoch: number
  model: tf.LayersModel
  optimizer: tf.Optimizer
  callbackState: Record<string, unknown>
  history: EpochLogs[]
  /** Batches already trained in epoch + 1, when training was interrupted mid-epoch. */
  progress?: EpochProgress
  /** Set when a callback ended training, so a resumed run does not train past the stop. */
  stopReason?: string
}

export interface LoadedCheckpoint {
  /** The checkpoint's own subdirectory, for messages. */
  path: string
  epoch: number
  /** In the order of `model.weights`. The caller owns these tensors. */
  modelWeights: NamedTensor[]
  optimizerClass: string
  /** In the order of `optimizer.getWeights()`. The caller owns these tensors. */
  optimizerWeights: NamedTensor[]
  /** See optimizer-extra-state.ts. */
  optimizerExtras: Record<string, number>
  callbackState: Record<string, unknown>
  history: EpochLogs[]
  progress?: EpochProgress
  stopReason?: string
}

interface WeightsIndex {
  /** Original variable names; the binary uses positions, since tfjs names carry per-process counters. */
  names: string[]
  specs: tf.io.WeightsManifestEntry[]
}

interface StateFile {
  format: string
  epoch: number
  history: EpochLogs[]
  callbackState: Record<string, unknown>
  progress?: EpochProgress
  stopReason?: string
  optimizerClass: string
  optimizerExtras: Record<string, number>
  modelWeights: WeightsIndex
  optimizerWeights: WeightsIndex
}

export class CheckpointStore {
  constructor(readonly dir: string) {}

  async save(checkpoint: CheckpointInput): Promise<void> {
    const modelWeights = checkpoint.model.weights.map((w) => ({ name: w.originalName, tensor: w.read() }))
    const optimizerWeights = await checkpoint.optimizer.getWeights()
    try {
      const model = await encode(modelWeights)
      const optimizer = await encode(optimizerWeights)
      const state: StateFile = {
        format: FORMAT,
        epoch: checkpoint.epoch,
        history: checkpoint.history,
        callbackState: checkpoint.callbackState,
        optimizerClass: checkpoint.optimizer.getClassName(),
        optimizerExtras: readOptimizerExtras(checkpoint.optimizer),
        modelWeights: model.index,
        optimizerWeights: optimizer.index,
      }
      if (checkpoint.progress) state.progress = checkpoint.progress
      if (checkpoint.stopReason !== undefined) state.stopReason = checkpoint.stopReason
      const entry = `${ENTRY_PREFIX}${String(checkpoint.epoch).padStart(6, '0')}-${randomBytes(4).toString('hex')}`
      await mkdir(this.dir, { recursive: true })
      await writeDirectoryAtomic(join(this.dir, entry), {
        [STATE]: toCheckpointJson(state),
        [MODEL_WEIGHTS]: model.data,
        [OPTIMIZER_WEIGHTS]: optimizer.data,
      })
      await writeJsonAtomic(join(this.dir, POINTER), { format: FORMAT, latest: entry })
      await this.removeAllBut(entry)
    } finally {
      // getWeights() builds a fresh iteration-count scalar; the other tensors are the optimizer's own.
      tf.dispose(optimizerWeights.filter((w) => w.name === 'iter').map((w) => w.tensor))
    }
  }

  async load(): Promise<LoadedCheckpoint | null> {
    const pointerText = await readOrNull(join(this.dir, POINTER))
    if (pointerText === null) return null
    const pointer = this.parse(POINTER, pointerText) as { format?: unknown; latest?: unknown }
    const latest = pointer.latest
    if (pointer.format !== FORMAT || typeof latest !== 'string' || latest !== basename(latest)) {
      throw this.damaged(POINTER, `expected {"format": "${FORMAT}", "latest": "<subdirectory>"}`)
    }
    const path = join(this.dir, latest)
    const stateText = await readOrNull(join(path, STATE))
    if (stateText === null) throw this.damaged(join(latest, STATE), 'the file is missing')
    const state = this.parse(join(latest, STATE), stateText) as StateFile
    if (state.format !== FORMAT || !Number.isInteger(state.epoch) || !Array.isArray(state.history)) {
      throw this.damaged(join(latest, STATE), 'it is not a sagepack checkpoint state')
    }
    const loaded: LoadedCheckpoint = {
      path,
      epoch: state.epoch,
      modelWeights: await this.decode(latest, MODEL_WEIGHTS, state.modelWeights),
      optimizerClass: state.optimizerClass,
      optimizerWeights: await this.decode(latest, OPTIMIZER_WEIGHTS, state.optimizerWeights),
      optimizerExtras: state.optimizerExtras ?? {},
      callbackState: state.callbackState ?? {},
      history: state.history,
    }
    if (state.progress) loaded.progress = state.progress
    if (state.stopReason !== undefined) loaded.stopReason = state.stopReason
    return loaded
  }

  private async decode(entry: string, file: string, index: WeightsIndex): Promise<NamedTensor[]> {
    const bytes = await readFile(join(this.dir, entry, file)).catch(() => null)
    if (bytes === null) throw this.damaged(join(entry, file), 'the file is missing')
    try {
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
      const map = tf.io.decodeWeights(data, index.specs)
      return index.specs.map((spec, i) => ({
        name: index.names[i] ?? spec.name,
        tensor: map[spec.name] as tf.Tensor,
      }))
    } catch (error) {
      throw this.damaged(join(entry, file), error instanceof Error ? error.message : String(error))
    }
  }

  private parse(file: string, text: string): unknown {
    try {
      return fromCheckpointJson(text)
    } catch (error) {
      throw this.damaged(
        file,
        `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      )
    }
  }

  private damaged(file: string, problem: string): UserError {
    return new UserError({
      input: join(this.dir, file),
      problem: `the training checkpoint is damaged: ${problem}`,
      expected: `a checkpoint directory written by sagepack (${POINTER} naming a subdirectory with ${STATE}, ${MODEL_WEIGHTS}, ${OPTIMIZER_WEIGHTS})`,
      fix: `delete ${this.dir} to train from the start`,
    })
  }

  /** Older checkpoints, and temporary directories of saves that crashed. */
  private async removeAllBut(entry: string): Promise<void> {
    for (const name of await readdir(this.dir)) {
      const ours = name.startsWith(ENTRY_PREFIX) || name.startsWith(`.${ENTRY_PREFIX}`)
      if (ours && name !== entry) await rm(join(this.dir, name), { recursive: true, force: true })
    }
  }
}

async function encode(weights: NamedTensor[]): Promise<{ data: Uint8Array; index: WeightsIndex }> {
  const { data, specs } = await tf.io.encodeWeights(
    weights.map((w, i) => ({ name: String(i), tensor: w.tensor })),
  )
  return { data: new Uint8Array(data), index: { names: weights.map((w) => w.name), specs } }
}

async function readOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
