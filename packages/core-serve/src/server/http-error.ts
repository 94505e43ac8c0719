// An error the HTTP layer raises itself (415, 406, 413, ...), carrying the status it answers with.

export class HttpError extends Error {
  readonly status: number

  constructor(status: number, message: string) {
    super(message)
    this.name = 'HttpError'
    this.status = status
  }
}
