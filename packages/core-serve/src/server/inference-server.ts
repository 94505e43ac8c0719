// The SageMaker inference HTTP server on plain node:http: /ping, /invocations, /execution-parameters.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { InvocationRunner } from '../handler/handler-api'
import { logRequests } from './access-log'
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
/** Node requires the header timeout to be above the keep-alive timeout for a reused socket's next request. */
export const HEADERS_TIMEOUT_MS = 66_000

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

  let closing: Promise<void> | undefined
  const drain = options.refusedBodyDrain ?? defaultRefusedBodyDrain(maxPayloadBytes)
  const writer = responseWriter(() => closing !== undefined, drain)
  const routes = new Map<string, Route>([
    ['/ping', pingRoute(runner, writer)],
    ['/invocations', invocationsRoute(runner, maxPayloadBytes, writer)],
    ['/execution-parameters', executionParametersRoute(executionParameters, writer)],
  ])
  const route = routeRequests(routes, writer, (error) => {
    log?.(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  })
  const listener = log === undefined || options.accessLog === false ? route : logRequests(route, log)

  const server = createServer(
    { keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS },
    listener,
  )
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
