// A per-epoch progress bar over batches for people watching a terminal; silent when output is a file
// or a log collector (SageMaker, CI), where a bar would only add noise.
import { Presets, SingleBar } from 'cli-progress'
import type { FitCallback } from './fit-types'

export interface ProgressBarOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean }
}

export function progressBar(options: ProgressBarOptions = {}): FitCallback {
  const stream = options.stream ?? process.stderr
  if (stream.isTTY !== true) return {}
  let bar: SingleBar | undefined
  let epoch = 0
  let epochs = 0
  const finish = () => {
    bar?.stop()
    bar = undefined
  }
  return {
    onTrainBegin(info) {
      epoch = info.initialEpoch
      epochs = info.epochs
    },
    onBatchEnd(batch, batches) {
      if (!bar) {
        epoch++
        bar = new SingleBar(
          { stream, format: `epoch ${epoch}/${epochs} [{bar}] {value}/{total} batches` },
          Presets.shades_classic,
        )
        bar.start(batches, batch - 1)
      }
      bar.update(batch)
    },
    onEpochEnd: finish,
    onTrainEnd: finish,
  }
}
