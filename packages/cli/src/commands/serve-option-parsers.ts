// Parsers for `sagepack serve`'s --port and --workers: checked up front, before a bundle is extracted
// and the runtime built, by the same rules the runtime applies to its SAGEMAKER_* variables.
import { parsePort as parsePortText, parseWorkerCount } from '@sagepack/core-serve'

export function parsePort(value: string): number {
  return parsePortText(value, `--port ${value}`)
}

export function parseWorkers(value: string): number {
  return parseWorkerCount(value, `--workers ${value}`)
}
