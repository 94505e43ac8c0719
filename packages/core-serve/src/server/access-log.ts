// One access line per request (`POST /invocations 200 3.1ms`), written when the response is done.
import { pathOf, type RequestListener } from './route-request'

/** Wraps the listener only when a log is wanted, so a server without one pays nothing per request. */
export function logRequests(listener: RequestListener, log: (line: string) => void): RequestListener {
  return (req, res) => {
    const started = performance.now()
    res.once('close', () => {
      const ms = (performance.now() - started).toFixed(1)
      const outcome = res.writableFinished ? '' : ' (connection closed before the response was sent)'
      log(`${req.method} ${pathOf(req.url ?? '/')} ${res.statusCode} ${ms}ms${outcome}`)
    })
    listener(req, res)
  }
}
