// sagepack's own account of where a request's time went, from the Server-Timing headers of a load run:
// the median of each entry (read, queue, hop, decode, validate, preprocess, predict, postprocess,
// encode, total), in milliseconds, and the runtime's own work among them.

/** Median milliseconds per Server-Timing entry. */
export type StageMedians = Record<string, number>

/** The entries that are the runtime's own work on a request: neither HTTP, the hop, the queue nor the model. */
const OWN_STAGES = ['decode', 'validate', 'preprocess', 'postprocess', 'encode'] as const

export function stageMedians(headers: readonly string[]): StageMedians {
  const byStage = new Map<string, number[]>()
  for (const header of headers) {
    const entries = parseServerTiming(header)
    for (const [name, duration] of Object.entries(entries)) {
      const values = byStage.get(name) ?? []
      values.push(duration)
      byStage.set(name, values)
    }
    // The main thread's own share: the total less the body read, the round trip to the worker and back.
    if (entries.total !== undefined) {
      const roundTrip = ['queue', 'hop', ...OWN_STAGES, 'predict'].reduce(
        (sum, name) => sum + (entries[name] ?? 0),
        0,
      )
      const routing = entries.total - (entries.read ?? 0) - roundTrip
      const values = byStage.get('routing') ?? []
      values.push(Math.max(0, routing))
      byStage.set('routing', values)
    }
  }
  const medians: StageMedians = {}
  for (const [name, values] of byStage) medians[name] = median(values)
  return medians
}

/** The runtime's own time on a request: its stages of own work plus the main thread's routing. */
export function ownMs(medians: StageMedians): number {
  return OWN_STAGES.reduce((sum, name) => sum + (medians[name] ?? 0), medians.routing ?? 0)
}

function parseServerTiming(header: string): Record<string, number> {
  const entries: Record<string, number> = {}
  for (const entry of header.split(',')) {
    const [name, ...params] = entry.trim().split(';')
    const duration = params.find((param) => param.trim().startsWith('dur='))
    if (name && duration) entries[name] = Number(duration.trim().slice(4))
  }
  return entries
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
