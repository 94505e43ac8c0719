// The logger for training: every level on stdout, so one stream carries the whole story (SageMaker
// sends stdout to CloudWatch; the local executor tees it into the run's logs). Progress bars use stderr.
import { createConsola } from 'consola/basic'

/** What training code may log through; consola satisfies it, and tests can pass a silent one. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
  success(message: string): void
  debug(message: string): void
}

export function createTrainingLogger(stream: NodeJS.WriteStream = process.stdout): Logger {
  return createConsola({
    level: process.env.SAGEPACK_LOG_LEVEL ? Number(process.env.SAGEPACK_LOG_LEVEL) : 3,
    stdout: stream,
    stderr: stream,
    formatOptions: { date: true, colors: false, compact: true },
  })
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, success() {}, debug() {} }
