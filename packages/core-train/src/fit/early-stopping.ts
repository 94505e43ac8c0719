// Stops training when a monitored metric stops improving and, by default, puts back the weights of the
// best epoch. Its state, best weights included, travels in checkpoints so a resumed run behaves the same.
import { UserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import type { FitCallback } from './fit-types'
import { formatMetricValue } from './metric-line-format'
import { type TensorJson, tensorsFromJson, tensorsToJson } from './tensor-json'

export interface EarlyStoppingOptions {
  /** An epoch log key; `val_loss` by default. */
  monitor?: string
  /** `auto`: min for names ending in `loss`, max otherwise. */
  mode?: 'min' | 'max' | 'auto'
  /** Epochs without improvement before stopping. */
  patience: number
  /** The smallest change that counts as an improvement. */
  minDelta?: number
  /** Put back the best epoch's weights when training ends (also when it ran out of epochs, as Keras does). */
  restoreBestWeights?: boolean
}

interface EarlyStoppingState {
  best: number
  bestEpoch: number
  wait: number
  bestWeights?: TensorJson[]
}

export function earlyStopping(options: EarlyStoppingOptions): FitCallback {
  const monitor = options.monitor ?? 'val_loss'
  const mode =
    options.mode === undefined || options.mode === 'auto'
      ? monitor.endsWith('loss')
        ? 'min'
        : 'max'
      : options.mode
  const minDelta = Math.abs(options.minDelta ?? 0)
  const restoreBest = options.restoreBestWeights ?? true
  const patience = options.patience
  if (!Number.isInteger(patience) || patience < 0) {
    throw new UserError({
      input: 'earlyStopping patience',
      problem: `got ${patience}`,
      expected: 'an integer >= 0',
    })
  }
  const improves = (current: number, best: number) =>
    mode === 'min' ? current < best - minDelta : current > best + minDelta

  let model: tf.LayersModel | undefined
  let best = mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
  let bestEpoch = 0
  let wait = 0
  let bestWeights: tf.Tensor[] | undefined
  const setBestWeights = (weights: tf.Tensor[] | undefined) => {
    if (bestWeights) tf.dispose(bestWeights)
    bestWeights = weights
  }

  return {
    name: 'earlyStopping',
    onTrainBegin(info) {
      model = info.model
      if (info.initialEpoch > 0) return
      best = mode === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
      bestEpoch = 0
      wait = 0
      setBestWeights(undefined)
    },
    onEpochEnd(logs, control) {
      const current = logs[monitor]
      if (current === undefined) {
        throw new UserError({
          input: `earlyStopping monitor "${monitor}"`,
          problem: 'the epoch logs have no such metric',
          expected: `one of ${Object.keys(logs)
            .filter((key) => key !== 'epoch')
            .join(', ')}`,
          fix: monitor.startsWith('val_')
            ? 'pass validation data to fit, or monitor a train_ metric'
            : undefined,
        })
      }
      if (improves(current, best)) {
        best = current
        bestEpoch = logs.epoch
        wait = 0
        if (restoreBest && model) setBestWeights(model.getWeights().map((w) => w.clone()))
        return
      }
      wait++
      if (wait >= patience) {
        const bestText = formatMetricValue(best)
        control.stop(`${monitor} did not improve for ${wait} epochs (best ${bestText} at epoch ${bestEpoch})`)
      }
    },
    onTrainEnd(result) {
      // An interrupted run continues later from its checkpoint, which holds the current weights.
      if (result.interrupted || !restoreBest || !model || !bestWeights) return
      model.setWeights(bestWeights)
      setBestWeights(undefined)
    },
    state(): EarlyStoppingState {
      const state: EarlyStoppingState = { best, bestEpoch, wait }
      if (bestWeights) state.bestWeights = tensorsToJson(bestWeights)
      return state
    },
    restore(saved) {
      const state = saved as EarlyStoppingState
      best = state.best
      bestEpoch = state.bestEpoch
      wait = state.wait
      setBestWeights(state.bestWeights ? tensorsFromJson(state.bestWeights) : undefined)
    },
  }
}
