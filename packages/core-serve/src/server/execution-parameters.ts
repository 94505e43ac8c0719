// GET /execution-parameters: how Batch Transform should batch and parallelise requests to this container.
import { availableParallelism } from 'node:os'
import { MB } from './payload-limit'
import type { Route } from './route-request'
import type { ResponseWriter } from './write-response'

/** SageMaker's names, as the response must spell them. */
export interface ExecutionParameters {
  MaxConcurrentTransforms: number
  BatchStrategy: 'MULTI_RECORD' | 'SINGLE_RECORD'
  MaxPayloadInMB: number
}

/**
 * One concurrent request per core keeps every worker busy; MULTI_RECORD because the runtime takes many
 * rows per request; the payload limit the server actually enforces, so Batch Transform never sends more.
 */
export function defaultExecutionParameters(maxPayloadBytes: number): ExecutionParameters {
  return {
    MaxConcurrentTransforms: availableParallelism(),
    BatchStrategy: 'MULTI_RECORD',
    // Whole megabytes only; never above the limit, except that a limit under 1 MB still says 1.
    MaxPayloadInMB: Math.max(1, Math.floor(maxPayloadBytes / MB)),
  }
}

export function executionParametersRoute(parameters: ExecutionParameters, writer: ResponseWriter): Route {
  // Fixed for the life of the server: serialise once.
  const body = JSON.stringify(parameters)
  return {
    methods: ['GET', 'HEAD'],
    handle: (_req, res) => writer.send(res, 200, { 'content-type': 'application/json' }, body),
  }
}
