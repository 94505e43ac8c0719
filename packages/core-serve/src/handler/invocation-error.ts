// An invocation that failed, with the HTTP status it deserves: 400 when the request's rows do not fit
// the model (the message names the row and field), 500 when the handler itself failed.

export class InvocationError extends Error {
  readonly status: 400 | 500

  constructor(status: 400 | 500, message: string) {
    super(message)
    this.name = 'InvocationError'
    this.status = status
  }
}
