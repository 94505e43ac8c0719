// Decides the status and client-facing message for anything thrown while serving a request.
import type { OutgoingHttpHeaders } from 'node:http'
import { isUserError } from '@sagepack/core-data'
import { invocationStatusOf } from '../handler/to-invocation-error'
import { HttpError } from './http-error'

export interface ErrorAnswer {
  status: number
  message: string
  /** True when the fault is ours, not the client's: worth a log line with the stack. */
  internal: boolean
  /** Headers that go with the status, e.g. Retry-After on a 503. */
  headers?: OutgoingHttpHeaders
}

export function errorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof HttpError) {
    const answer = { status: error.status, message: error.message, internal: false }
    return error.headers ? { ...answer, headers: { ...error.headers } } : answer
  }
  const invocationStatus = invocationStatusOf(error)
  if (invocationStatus !== undefined) {
    return { status: invocationStatus, message: (error as Error).message, internal: invocationStatus >= 500 }
  }
  // Codecs report malformed bodies as UserErrors: the client sent them, so they are 400s.
  if (isUserError(error)) return { status: 400, message: error.message, internal: false }
  const message = error instanceof Error ? error.message : String(error)
  return { status: 500, message: `internal error: ${message}`, internal: true }
}
