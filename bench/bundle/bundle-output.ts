// Reads what `sagepack bundle --timings` printed: whether it built the bundle or found it in its cache,
// the archive's sha256, and the time of each phase. A round that is not what it claims fails here.

export interface BundlePhaseTime {
  phase: string
  wallSeconds: number
  /** Absent for a phase that ran alongside another (write during compress, sync during read back). */
  cpuSeconds?: number
  during?: string
}

export interface BundleOutput {
  sha256: string
  phases: BundlePhaseTime[]
}

/** Throws unless the output shows the kind of run asked for: a cold build, or a cache hit. */
export function readBundleOutput(
  stdout: string,
  expected: 'cold' | 'cache hit',
  round: number,
): BundleOutput {
  const hit = /\(cache hit, checked in/.test(stdout)
  const wrote = /^wrote .* in [\d.]+ s$/m.test(stdout)
  if (expected === 'cold' && (hit || !wrote)) {
    throw new Error(
      `round ${round}: sagepack bundle did not build a cold bundle${hit ? ' (it reported a cache hit)' : ''}; the benchmark would time the cache, not the writer:\n${stdout}`,
    )
  }
  if (expected === 'cache hit' && !hit) {
    throw new Error(
      `round ${round}: the second sagepack bundle to the same --out was no cache hit:\n${stdout}`,
    )
  }
  const sha256 = /^ {2}sha256 ([0-9a-f]{64})$/m.exec(stdout)?.[1]
  if (!sha256) throw new Error(`round ${round}: no sha256 in the output of sagepack bundle:\n${stdout}`)
  const phases = [
    ...stdout.matchAll(/^ {2}phase (.+?): ([\d.]+) s wall(?:, ([\d.]+) s cpu)?(?: \(during (.+)\))?$/gm),
  ].map(
    (match): BundlePhaseTime => ({
      phase: match[1] as string,
      wallSeconds: Number(match[2]),
      ...(match[3] === undefined ? {} : { cpuSeconds: Number(match[3]) }),
      ...(match[4] === undefined ? {} : { during: match[4] }),
    }),
  )
  if (expected === 'cold' && phases.length === 0) {
    throw new Error(`round ${round}: sagepack bundle --timings printed no phases:\n${stdout}`)
  }
  return { sha256, phases }
}
