// Samples a process's memory from /proc while the bench runs: RssAnon (its private memory: heaps,
// prepacked weight copies) from /proc/<pid>/status, and Pss from /proc/<pid>/smaps_rollup (its whole
// footprint: private memory plus its share of the file pages it maps, the weights' page cache counted
// once however many sessions map it; Rss would count those pages once per mapping). Linux only.
import { readFileSync } from 'node:fs'

export interface MemorySample {
  rssAnonBytes: number
  pssBytes: number
  rssFileBytes: number
}

export interface MemoryWatch {
  /** The largest value of each figure seen so far. */
  peak(): MemorySample
  /** One reading now. */
  now(): MemorySample
  stop(): void
}

export function watchMemory(pid: number, everyMs = 25): MemoryWatch {
  const peak: MemorySample = { rssAnonBytes: 0, pssBytes: 0, rssFileBytes: 0 }
  const take = () => {
    const sample = readMemory(pid)
    if (!sample) return undefined
    peak.rssAnonBytes = Math.max(peak.rssAnonBytes, sample.rssAnonBytes)
    peak.pssBytes = Math.max(peak.pssBytes, sample.pssBytes)
    peak.rssFileBytes = Math.max(peak.rssFileBytes, sample.rssFileBytes)
    return sample
  }
  const timer = setInterval(take, everyMs)
  return {
    peak: () => ({ ...peak }),
    now: () => take() ?? { rssAnonBytes: 0, pssBytes: 0, rssFileBytes: 0 },
    stop: () => clearInterval(timer),
  }
}

/** undefined once the process is gone. */
function readMemory(pid: number): MemorySample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
    return {
      rssAnonBytes: kib(status, 'RssAnon'),
      rssFileBytes: kib(status, 'RssFile'),
      pssBytes: kib(rollup, 'Pss'),
    }
  } catch {
    return undefined
  }
}

function kib(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)
  if (!match) throw new Error(`no ${field} in /proc`)
  return Number(match[1]) * 1024
}
