// A progress bar for writing large bundles, for people watching a terminal: silent when stderr is a
// file, a log collector or CI, and for archives small enough to be written before a bar would help.
import { Presets, SingleBar } from 'cli-progress'

export interface ArchiveProgress {
  /** Pass as writeArchive's onProgress; safe to pass unbound. */
  update: (bytesDone: number, bytesTotal: number) => void
  /** Clears the bar; call once the archive is written (or failed). */
  stop: () => void
}

export interface ArchiveProgressOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean }
  /** Archives whose tar stream is smaller than this get no bar. */
  minBytes?: number
  label?: string
}

/** About half a second of writing on a laptop: below it a bar would only flash. */
const MIN_BAR_BYTES = 50 * 1000 * 1000

export function archiveProgress(options: ArchiveProgressOptions = {}): ArchiveProgress {
  const stream = options.stream ?? process.stderr
  const minBytes = options.minBytes ?? MIN_BAR_BYTES
  const label = options.label ?? 'writing model.tar.gz'
  let bar: SingleBar | undefined
  if (stream.isTTY !== true) return { update: () => {}, stop: () => {} }
  return {
    update: (bytesDone, bytesTotal) => {
      if (!bar) {
        if (bytesTotal < minBytes) return
        bar = new SingleBar(
          {
            stream,
            clearOnComplete: true,
            hideCursor: true,
            format: `${label} [{bar}] {percentage}% {value}/{total} MiB, eta {eta_formatted}`,
            formatValue: (value, _options, type) =>
              type === 'value' || type === 'total' ? (value / 2 ** 20).toFixed(0) : String(value),
          },
          Presets.shades_classic,
        )
        bar.start(bytesTotal, bytesDone)
      }
      bar.update(bytesDone)
    },
    stop: () => {
      bar?.stop()
      bar = undefined
    },
  }
}
