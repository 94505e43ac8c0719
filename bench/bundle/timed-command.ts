// Runs a shell command under GNU time and returns its wall time, CPU time and peak RSS as a whole process
// (a pipeline's children included), with its stdout for the caller's checks.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Timing {
  wallSeconds: number
  /** user + system seconds of every process the command ran: less noisy than wall time on a busy machine. */
  cpuSeconds: number
  peakRssMiB: number
}

export interface TimedRun extends Timing {
  stdout: string
}

export async function timed(command: string): Promise<TimedRun> {
  // GNU time prints to stderr: %e elapsed, %U user and %S system seconds (waited-for children included),
  // %M the largest resident set of any one process, in KiB.
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'TIMING %e %U %S %M', 'sh', '-c', command], {
    maxBuffer: 64 * 1024 * 1024,
  })
  const match = /TIMING ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr)
  if (!match) throw new Error(`no timing in the output of: ${command}\n${stderr}`)
  return {
    stdout,
    wallSeconds: Number(match[1]),
    cpuSeconds: Number(match[2]) + Number(match[3]),
    peakRssMiB: Number(match[4]) / 1024,
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
