// Runs a shell command under GNU time and returns its wall time and peak RSS, as a whole process.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Timing {
  wallSeconds: number
  peakRssMiB: number
}

export async function timed(command: string): Promise<Timing> {
  // GNU time prints to stderr: %e elapsed seconds, %M max resident set in KiB (of the largest process).
  const { stderr } = await run('/usr/bin/time', ['-f', 'TIMING %e %M', 'sh', '-c', command], {
    maxBuffer: 64 * 1024 * 1024,
  })
  const match = /TIMING ([\d.]+) (\d+)/.exec(stderr)
  if (!match) throw new Error(`no timing in the output of: ${command}\n${stderr}`)
  return { wallSeconds: Number(match[1]), peakRssMiB: Number(match[2]) / 1024 }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
