// A per-epoch progress bar over batches for people watching a terminal; silent when output is a file
// or a log collector (SageMaker, CI), where a bar would only add noise. The bar appears only once an
// epoch has run for a moment and is cleared when the epoch ends, so quick epochs print nothing but
// their metric line, and the bar never tears a metric line apart.
import { Presets, SingleBar } from 'cli-progress'
import type { FitCallback } from './fit-types'

export interface ProgressBarOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean }
  /** How long an epoch runs before its bar is drawn. */
  showAfterMs?: number
  /** The clock, injectable for tests. */
  now?: () => number
}

export function progressBar(options: ProgressBarOptions = {}): FitCallback {
  const stream = options.stream ?? process.stderr
  if (stream.isTTY !== true) return {}
  const showAfterMs = options.showAfterMs ?? 500
  const now = options.now ?? Date.now
  let bar: SingleBar | undefined
  let epoch = 0
  let epochs = 0
  let epochStarted: number | undefined
  const finish = () => {
    bar?.stop()
    bar = undefined
    epochStarted = undefined
  }
  return {
    onTrainBegin(info) {
      epoch = info.initialEpoch
      epochs = info.epochs
    },
    onBatchEnd(batch, batches) {
      if (epochStarted === undefined) {
        epoch++
        epochStarted = now()
      }
      if (!bar && now() - epochStarted >= showAfterMs) {
        bar = new SingleBar(
          {
            stream,
            clearOnComplete: true,
            format: `epoch ${epoch}/${epochs} [{bar}] {value}/{total} batches, eta {eta_formatted}`,
          },
          Presets.shades_classic,
        )
        bar.start(batches, batch)
      }
      bar?.update(batch)
    },
    onEpochEnd: finish,
    onTrainEnd: finish,
  }
}
