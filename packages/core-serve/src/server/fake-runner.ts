// Test double for the worker pool: records what the server hands it and answers as each test scripts.
import { answerEncoded, type RowsInvoker } from '../handler/answer-encoded'
import type {
  EncodedRequest,
  InputRow,
  InvocationContext,
  InvocationRunner,
  Prediction,
  RunnerResponse,
} from '../handler/handler-api'
import { createInferenceServer, type InferenceServer, type InferenceServerOptions } from './inference-server'

export interface Invocation {
  rows: InputRow[]
  context: InvocationContext
}

type InvokeResult = Awaited<ReturnType<RowsInvoker>>

export class FakeRunner implements InvocationRunner {
  ready = true
  readonly invocations: Invocation[] = []
  closeCalls = 0
  /** Default answer: one prediction per row, the row's position, so tests can check order and count. */
  answer: (rows: InputRow[], context: InvocationContext) => Promise<InvokeResult> | InvokeResult = (
    rows,
  ) => ({
    predictions: rows.map((_row, index): Prediction => index),
  })

  invoke(request: EncodedRequest): Promise<RunnerResponse> {
    return answerEncoded(request, async (rows, context) => {
      this.invocations.push({ rows, context })
      return this.answer(rows, context)
    })
  }

  async close(): Promise<void> {
    this.closeCalls++
  }
}

export interface StartedServer {
  handle: InferenceServer
  runner: FakeRunner
  /** `http://127.0.0.1:<port>` */
  url: string
  port: number
}

/** A server on a free loopback port; close it with `handle.close(0)` or `handle.close()`. */
export async function startServer(
  runner = new FakeRunner(),
  options: InferenceServerOptions = {},
): Promise<StartedServer> {
  const handle = createInferenceServer(runner, options)
  const port = await handle.listen(0, '127.0.0.1')
  return { handle, runner, url: `http://127.0.0.1:${port}`, port }
}

/** Resolves after `ms`, the way a worker thread's answer arrives: the event loop stays free meanwhile. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
