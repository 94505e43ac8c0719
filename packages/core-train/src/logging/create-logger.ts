// The logger for training: every level on stdout, so one stream carries the whole story (SageMaker
// sends stdout to CloudWatch; the local executor tees it into the run's logs). Progress bars use stderr.
import { type ConsolaInstance, createConsola } from 'consola'

export type Logger = Pick<ConsolaInstance, 'info' | 'warn' | 'error' | 'success' | 'debug' | 'start'>

export function createTrainingLogger(stream: NodeJS.WriteStream = process.stdout): Logger {
  return createConsola({
    level: process.env.SAGEPACK_LOG_LEVEL ? Number(process.env.SAGEPACK_LOG_LEVEL) : 3,
    stdout: stream,
    stderr: stream,
    fancy: false,
    formatOptions: { date: true, colors: false, compact: true },
  })
}
