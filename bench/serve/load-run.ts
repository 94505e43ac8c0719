// Puts one load on one target with autocannon: a warm-up run that is thrown away, then the measured
// run. Latencies are also recorded here at microsecond resolution, because autocannon's own histogram
// keeps whole milliseconds and these requests take less than one.
import type { IncomingHttpHeaders } from 'node:http'
import autocannon from 'autocannon'
import { ROWS_HEADER } from './iris-inputs'

export interface LoadCase {
  /** Rows per request body. */
  rows: number
  /** Concurrent keep-alive connections, one request in flight on each (pipelining 1). */
  connections: number
}

export interface LoadResult extends Record<string, number> {
  /** autocannon's requests.average: completed requests per second, averaged over its 1 s samples. */
  requestsPerS: number
  requests: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  /** autocannon's own percentiles (whole milliseconds), for comparison with its usual output. */
  autocannonP50Ms: number
  autocannonP99Ms: number
}

export interface LoadTiming {
  durationS: number
  warmupS: number
}

/**
 * `serverTimings`, when given, receives the Server-Timing header of every answer of the measured run
 * (sagepack's own account of where the time went; the floors send none).
 */
export async function measureLoad(
  url: string,
  bodies: readonly string[],
  load: LoadCase,
  timing: LoadTiming,
  serverTimings?: string[],
): Promise<LoadResult> {
  if (timing.warmupS > 0) await runAutocannon(url, bodies, load, timing.warmupS, undefined)
  const latencies: number[] = []
  const result = await runAutocannon(url, bodies, load, timing.durationS, latencies, serverTimings)
  const sorted = Float64Array.from(latencies).sort()
  return {
    requestsPerS: result.requests.average,
    requests: result.requests.total,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
    autocannonP50Ms: result.latency.p50,
    autocannonP99Ms: result.latency.p99,
  }
}

async function runAutocannon(
  url: string,
  bodies: readonly string[],
  load: LoadCase,
  durationS: number,
  latencies: number[] | undefined,
  serverTimings?: string[],
): Promise<autocannon.Result> {
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json',
    [ROWS_HEADER]: String(load.rows),
  }
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    // The callback form: it returns the instance (typed) whose 'response' events carry each latency.
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers,
        // Each connection cycles through the bodies, so consecutive requests never carry the same rows.
        requests: bodies.map((body) => ({
          method: 'POST',
          path: '/invocations',
          headers,
          body,
          ...(serverTimings
            ? {
                onResponse: (
                  _status: number,
                  _body: string,
                  _context: object,
                  answer?: IncomingHttpHeaders,
                ) => {
                  // autocannon keeps the header names as the server sent them.
                  const value = answer?.['server-timing'] ?? answer?.['Server-Timing']
                  if (typeof value === 'string') serverTimings.push(value)
                },
              }
            : {}),
        })),
        connections: load.connections,
        pipelining: 1,
        duration: durationS,
      },
      (error: unknown, done) => (error ? reject(error) : resolve(done)),
    )
    if (latencies) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime)
      })
    }
  })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0 || result.requests.total === 0) {
    throw new Error(
      `${url}/invocations (${load.rows} rows, c=${load.connections}) failed: ${result.requests.total} ` +
        `requests, ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats ?? {})}), ` +
        `${result.errors} errors, ${result.timeouts} timeouts`,
    )
  }
  return result
}

/** Nearest-rank percentile of ascending values, in their unit (ms). */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number
}
