// The training loop: seeded shuffling, model.trainOnBatch, epoch logs, callbacks, checkpoints and a
// clean stop on abort, so that a run resumed from a checkpoint ends exactly where an uninterrupted one would.
import { UserError } from '@sagepack/core-data'
import type * as tf from '@tensorflow/tfjs'
import { checkCallbackNames, collectCallbackStates } from './callback-states'
import type { EpochLogs, EpochProgress } from './epoch-logs'
import { epochLogs, evaluateValidation, tfjsMetricNames } from './epoch-metrics'
import type { EpochControl, FitOptions, FitResult } from './fit-types'
import { resumeFromCheckpoint } from './resume-from-checkpoint'
import { trainEpoch } from './train-epoch'

export async function fit(options: FitOptions): Promise<FitResult> {
  const { model, epochs, batchSize, seed, signal, checkpoints } = options
  const callbacks = options.callbacks ?? []
  const optimizer = checkOptions(options)
  checkCallbackNames(callbacks)
  const metricNames = tfjsMetricNames(model)

  let history: EpochLogs[] = []
  let completed = 0
  let progress: EpochProgress | undefined
  let stopReason: string | undefined
  let resumedFromEpoch: number | undefined
  /** What the store holds, so an unchanged state is not written twice. */
  let saved: { epoch: number; batches: number } | undefined
  const loaded = checkpoints ? await checkpoints.store.load() : null
  if (loaded) {
    checkSameShuffle(loaded.path, loaded.progress, { seed, batchSize, rows: options.x.shape[0] })
    await resumeFromCheckpoint(loaded, model, optimizer, callbacks)
    history = loaded.history
    completed = loaded.epoch
    progress = loaded.progress
    stopReason = loaded.stopReason
    resumedFromEpoch = loaded.epoch
    saved = { epoch: completed, batches: progress?.batchesDone ?? 0 }
  }

  const save = async () => {
    const batches = progress?.batchesDone ?? 0
    if (!checkpoints || (saved?.epoch === completed && saved.batches === batches)) return
    await checkpoints.store.save({
      epoch: completed,
      model,
      optimizer,
      callbackState: collectCallbackStates(callbacks),
      history,
      ...(progress ? { progress } : {}),
      ...(stopReason !== undefined ? { stopReason } : {}),
    })
    saved = { epoch: completed, batches }
  }

  const batchesPerEpoch = Math.ceil(options.x.shape[0] / batchSize)
  for (const callback of callbacks) {
    await callback.onTrainBegin?.({ epochs, batchesPerEpoch, initialEpoch: completed, model })
  }
  const control: EpochControl = {
    stop(reason) {
      stopReason ??= reason
    },
  }
  let epochsRun = 0
  let interrupted = false
  while (stopReason === undefined && completed < epochs) {
    const epoch = completed + 1
    const run = { model, x: options.x, y: options.y, batchSize, seed, epoch, metricNames, callbacks, signal }
    const trained = await trainEpoch(run, progress)
    progress = trained.progress
    if (!trained.completed) {
      interrupted = true
      break
    }
    const validation = options.validation
      ? await evaluateValidation(model, options.validation, batchSize)
      : undefined
    const logs = epochLogs(epoch, trained.progress, metricNames, validation)
    history.push(logs)
    completed = epoch
    progress = undefined
    epochsRun++
    for (const callback of callbacks) await callback.onEpochEnd?.(logs, control)
    const due = epoch % (checkpoints?.every ?? 1) === 0 || stopReason !== undefined || epoch === epochs
    if (checkpoints && due) await save()
  }
  if (interrupted) await save()

  const result: FitResult = {
    epochsRun,
    lastEpoch: completed,
    history,
    stoppedEarly: stopReason !== undefined,
    interrupted,
  }
  if (stopReason !== undefined) result.stopReason = stopReason
  if (resumedFromEpoch !== undefined) result.resumedFromEpoch = resumedFromEpoch
  for (const callback of callbacks) await callback.onTrainEnd?.(result)
  return result
}

/**
 * A checkpoint taken mid-epoch has trained some of that epoch's batches; finishing the epoch with another
 * seed, batch size or dataset would train some rows twice and skip others.
 */
function checkSameShuffle(
  path: string,
  progress: EpochProgress | undefined,
  now: { seed: number; batchSize: number; rows: number },
): void {
  if (!progress) return
  const changed = (['seed', 'batchSize', 'rows'] as const).filter((key) => progress[key] !== now[key])
  if (changed.length === 0) return
  const was = changed.map((key) => `${key} ${progress[key]}`).join(', ')
  const is = changed.map((key) => `${key} ${now[key]}`).join(', ')
  throw new UserError({
    input: path,
    problem: `the checkpoint was taken mid-epoch with ${was}, but this run has ${is}`,
    expected: 'the same seed, batch size and training rows as the interrupted run',
    fix: 'resume with the original settings, or delete the checkpoint directory to start over',
  })
}

/** Returns the model's optimizer, which also proves the model was compiled. */
function checkOptions(options: FitOptions): tf.Optimizer {
  const { model, x, y, validation, epochs, batchSize, checkpoints } = options
  const invalid = (input: string, problem: string, expected: string) =>
    new UserError({ input: `fit ${input}`, problem, expected })
  if (!Number.isInteger(epochs) || epochs < 0) throw invalid('epochs', `got ${epochs}`, 'an integer >= 0')
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw invalid('batchSize', `got ${batchSize}`, 'an integer >= 1')
  }
  if (x.shape[0] < 1) throw invalid('x', 'there are no training rows', 'at least one row')
  if (y.shape[0] !== x.shape[0]) {
    throw invalid('y', `${y.shape[0]} labels for ${x.shape[0]} rows of x`, 'one label per row')
  }
  if (validation && validation.y.shape[0] !== validation.x.shape[0]) {
    throw invalid(
      'validation.y',
      `${validation.y.shape[0]} labels for ${validation.x.shape[0]} rows`,
      'one label per row',
    )
  }
  if (checkpoints && (!Number.isInteger(checkpoints.every) || checkpoints.every < 1)) {
    throw invalid(
      'checkpoints.every',
      `got ${checkpoints.every}`,
      'an integer >= 1 (epochs between checkpoints)',
    )
  }
  // LayersModel types optimizer as always present, but it is unset until compile().
  const optimizer = model.optimizer as tf.Optimizer | undefined
  if (!optimizer) {
    throw new Error('fit: compile the model (model.compile({ optimizer, loss })) before calling fit')
  }
  return optimizer
}
