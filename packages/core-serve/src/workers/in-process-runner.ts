// An InvocationRunner that runs the handler on the calling thread: for `sagepack predict` batch jobs,
// where nothing else needs the event loop, and for tests. Same contract as the worker pool.
import type {
  EncodedRequest,
  EncodedResponse,
  InputRow,
  InvocationContext,
  InvocationRunner,
} from '../handler/handler-api'
import { InvocationError } from '../handler/invocation-error'
import { type InvocationResult, loadServedModel } from '../handler/load-served-model'
import type { ModelDir } from '../model-dir/read-model-dir'
import { InFlight } from './in-flight'

export interface InProcessRunner extends InvocationRunner {
  readonly bundle: ModelDir
  /** The handler on rows already decoded (batch jobs that read files themselves). */
  invokeRows(rows: InputRow[], context: InvocationContext): Promise<InvocationResult>
}

/** Resolves once the model is loaded: `ready` is true from the start. */
export async function createInProcessRunner(modelDir: string): Promise<InProcessRunner> {
  const served = await loadServedModel(modelDir)
  const inFlight = new InFlight()
  let closing: Promise<void> | undefined
  const refuseWhenClosing = () =>
    closing ? Promise.reject(new InvocationError(500, 'the model server is shutting down')) : undefined
  return {
    bundle: served.bundle,
    get ready() {
      return closing === undefined
    },
    invoke(request: EncodedRequest): Promise<EncodedResponse> {
      return refuseWhenClosing() ?? inFlight.track(served.invokeEncoded(request))
    },
    invokeRows(rows: InputRow[], context: InvocationContext): Promise<InvocationResult> {
      return refuseWhenClosing() ?? inFlight.track(served.invoke(rows, context))
    },
    close() {
      closing ??= inFlight.drain().then(() => served.dispose())
      return closing
    },
  }
}
