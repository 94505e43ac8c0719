// Sends each request to the handler for its path and method; 404 and 405 for the rest, errors as JSON.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type ErrorAnswer, errorAnswer } from './error-status'
import type { ResponseWriter } from './write-response'

export interface Route {
  /** Upper case, as Node reports `req.method`. */
  readonly methods: readonly string[]
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void

export function routeRequests(
  routes: ReadonlyMap<string, Route>,
  writer: ResponseWriter,
  onInternalError: (error: unknown, answer: ErrorAnswer) => void,
): RequestListener {
  const known = [...routes].map(([path, route]) => `${route.methods[0]} ${path}`).join(', ')

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    const answer = errorAnswer(error)
    if (answer.internal) onInternalError(error, answer)
    writer.sendError(req, res, answer.status, answer.message, answer.headers)
  }

  return (req, res) => {
    const path = pathOf(req.url ?? '/')
    const route = routes.get(path)
    if (route === undefined) {
      writer.sendError(req, res, 404, `nothing at ${path}; this server answers ${known}`)
      return
    }
    const method = req.method ?? 'GET'
    if (!route.methods.includes(method)) {
      const allow = route.methods.join(', ')
      writer.sendError(req, res, 405, `${path} does not take ${method}; use ${allow}`, { allow })
      return
    }
    try {
      const pending = route.handle(req, res)
      if (pending !== undefined) pending.catch((error: unknown) => fail(req, res, error))
    } catch (error) {
      fail(req, res, error)
    }
  }
}

/** SageMaker never sends a query string, but a curl from a person might; it does not change the route. */
export function pathOf(url: string): string {
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}
