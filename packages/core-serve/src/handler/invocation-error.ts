// An invocation that failed, with the HTTP status it deserves: 400 when the request's rows do not fit
// the model (the message names the row and field), 500 when the handler itself failed.

/** Where in the request a 400 points: the try-it page shows the message next to that field. */
export interface ErrorLocation {
  /** Counting from 0, as the message and `predictions` do. */
  row?: number
  field?: string
}

export class InvocationError extends Error {
  readonly status: 400 | 500
  readonly where: ErrorLocation | undefined

  constructor(status: 400 | 500, message: string, where?: ErrorLocation) {
    super(message)
    this.name = 'InvocationError'
    this.status = status
    this.where = where
  }
}
