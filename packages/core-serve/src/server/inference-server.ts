// The SageMaker inference HTTP server on plain node:http: /ping, /invocations, /execution-parameters.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { InvocationRunner } from '../handler/handler-api'
import { logRequests } from './access-log'
import { BodyBudget } from './body-budget'
import { maxBufferedBytesFrom } from './buffered-body-limit'
import { defaultRefusedBodyDrain, type RefusedBodyDrain } from './discard-refused-body'
import {
  defaultExecutionParameters,
  type ExecutionParameters,
  executionParametersRoute,
} from './execution-parameters'
import { closeGracefully, DEFAULT_GRACE_MS } from './graceful-close'
import { invocationsRoute } from './invocations'
import { maxPayloadBytesFrom } from './payload-limit'
import { pingRoute } from './ping'
import { type Route, routeRequests } from './route-request'
import { responseWriter } from './write-response'

/** SageMaker drops connections idle for 60 s; a server that closes first races its next request. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000
/**
 * A request's headers, and its whole body, must arrive within these. SageMaker gives an invocation
 * 60 s in all, and its front end sends a body at once over the instance's own network, so a body
 * that stops arriving is a stalled or hostile client: it is dropped (408) well before the 60 s are up,
 * and the memory it holds is freed. Node times each request from its first byte, so a keep-alive
 * socket idle between requests is not cut off by them.
 */
export const HEADERS_TIMEOUT_MS = 10_000
export const REQUEST_TIMEOUT_MS = 20_000
/** How often Node checks those timeouts; at its default of 30 s a stalled body would live for 50 s. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000
/**
 * Open connections past which Node refuses new ones: far above what SageMaker's front end opens to
 * one instance, well below the file descriptors a process gets.
 */
export const MAX_CONNECTIONS = 1024

export interface InferenceServerOptions {
  /** Default: SAGEMAKER_MAX_PAYLOAD_IN_MB, else executionParameters.MaxPayloadInMB, else 6 MB. */
  maxPayloadBytes?: number
  /** What GET /execution-parameters answers. Default: one request per CPU, MULTI_RECORD, the payload limit. */
  executionParameters?: ExecutionParameters
  /**
   * How much of a refused body (413, 415, ...) is read and dropped before the answer, so that clients
   * that send everything before reading get it. Default: 4 times the payload limit, within 10 s.
   */
  refusedBodyDrain?: RefusedBodyDrain
  /** Receives internal error stacks and shutdown notes, and the access lines unless accessLog is false. */
  log?: (line: string) => void
  /** One line per request (`POST /invocations 200 3.1ms`) through `log`; default true when `log` is given. */
  accessLog?: boolean
  /** Bytes of request bodies held at once, all requests together. Default: SAGEPACK_MAX_BUFFERED_MB, else a
   * share of memory (see buffered-body-limit.ts). */
  maxBufferedBytes?: number
  /** Default HEADERS_TIMEOUT_MS; shorter in tests. */
  headersTimeoutMs?: number
  /** Default REQUEST_TIMEOUT_MS; shorter in tests. */
  requestTimeoutMs?: number
}

export interface InferenceServer {
  readonly server: Server
  /** Resolves with the port actually bound: pass 0 to let the system pick one. */
  listen(port: number, host?: string): Promise<number>
  /**
   * Stops accepting connections, lets in-flight requests finish for up to `graceMs` (default 25 s)
   * then cuts them off, and closes the runner. Calling it again returns the same promise.
   */
  close(graceMs?: number): Promise<void>
}

export function createInferenceServer(
  runner: InvocationRunner,
  options: InferenceServerOptions = {},
): InferenceServer {
  const { log } = options
  const maxPayloadBytes =
    options.maxPayloadBytes ?? maxPayloadBytesFrom(process.env, options.executionParameters?.MaxPayloadInMB)
  const executionParameters = options.executionParameters ?? defaultExecutionParameters(maxPayloadBytes)
  const budget = new BodyBudget(
    options.maxBufferedBytes ?? maxBufferedBytesFrom(process.env, maxPayloadBytes),
  )

  let closing: Promise<void> | undefined
  const drain = options.refusedBodyDrain ?? defaultRefusedBodyDrain(maxPayloadBytes)
  const writer = responseWriter(() => closing !== undefined, drain)
  const routes = new Map<string, Route>([
    ['/ping', pingRoute(runner, writer)],
    ['/invocations', invocationsRoute(runner, maxPayloadBytes, writer, budget)],
    ['/execution-parameters', executionParametersRoute(executionParameters, writer)],
  ])
  const route = routeRequests(routes, writer, (error) => {
    log?.(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  })
  const listener = log === undefined || options.accessLog === false ? route : logRequests(route, log)

  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const server = createServer(
    {
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      // Node refuses a header timeout above the request timeout.
      headersTimeout: Math.min(options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout),
      requestTimeout,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    listener,
  )
  server.maxConnections = MAX_CONNECTIONS
  // With this listener Node leaves `Expect: 100-continue` to the invocations route, which can refuse
  // (415, 406, 413) before the client sends the body.
  server.on('checkContinue', listener)

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          resolve((server.address() as AddressInfo).port)
        })
      })
    },
    close(graceMs = DEFAULT_GRACE_MS) {
      closing ??= closeGracefully(server, runner, graceMs, log)
      return closing
    },
  }
}
