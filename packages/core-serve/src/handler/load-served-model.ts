// Loads a bundle for serving on the current thread: reads the model dir, imports its handler module
// (or uses the defaults), runs `load`, and answers invocations through the handler's hooks. Every
// worker thread does this on its own, and so does the in-process runner.
import { isUserError, UserError } from '@sagepack/core-data'
import { type ModelDir, readModelDir } from '../model-dir/read-model-dir'
import { loadPredictor } from '../predictors/load-predictor'
import type { PredictorOptions } from '../predictors/predictor-options'
import { createRowChecker } from '../validation/row-checker'
import type { RowWarning } from '../validation/row-warning'
import {
  answerPrepared,
  canBatch,
  type PreparedRequest,
  prepareRequest,
  type Settled,
  type WorkingOn,
} from './answer-batch'
import { answerEncoded, type RowsInvoker } from './answer-encoded'
import { defaultLoad } from './default-load'
import type {
  EncodedRequest,
  EncodedResponse,
  InferenceHandler,
  InputRow,
  InvocationContext,
  LoadedModel,
  ModelContext,
} from './handler-api'
import { loadHandlerModule } from './load-handler-module'
import { runHandler } from './run-handler'
import { noTimings } from './stage-timings'

export type InvocationResult = Awaited<ReturnType<RowsInvoker>> & {
  /** What the rows were answered despite, as the request schema checks them; absent when none. */
  warnings?: RowWarning[]
  warningCount?: number
}

export interface ServedModel {
  readonly bundle: ModelDir
  /** Checks the rows against the request schema, then runs them; rejects with an InvocationError (400 or 500). */
  invoke(rows: InputRow[], context: InvocationContext): Promise<InvocationResult>
  /** The same from request text to response text. */
  invokeEncoded(request: EncodedRequest): Promise<EncodedResponse>
  /** False when the handler has its own predict hook: its requests are answered one by one. */
  readonly batches: boolean
  /** Decodes, checks and preprocesses one request for a shared predict call; rejects with an InvocationError. */
  prepare(request: EncodedRequest): Promise<PreparedRequest>
  /**
   * Prepared requests through predict calls of at most `maxRows` rows, then each request's postprocess
   * and encoding; `workingOn` hears which request the work in progress belongs to.
   */
  answerPrepared(
    prepared: readonly PreparedRequest[],
    maxRows: number,
    workingOn?: WorkingOn,
  ): Promise<Settled[]>
  dispose(): Promise<void>
}

/**
 * `bundle` skips reading the model dir again when the caller has just read it; `predictor` is the
 * serving plan's choice of how the weights are held (by default what suits the files).
 */
export async function loadServedModel(
  dir: string,
  bundle?: ModelDir,
  predictor?: PredictorOptions,
): Promise<ServedModel> {
  const modelDir = bundle ?? (await readModelDir(dir))
  const handler: InferenceHandler = modelDir.entryPath ? await loadHandlerModule(modelDir.entryPath) : {}
  const context: ModelContext = {
    modelDir: modelDir.dir,
    manifest: modelDir.manifest,
    config: modelDir.config,
    preprocessor: modelDir.preprocessor,
    loadPredictor: () => loadPredictor(modelDir.dir, modelDir.manifest, predictor),
  }
  const model = handler.load
    ? await customLoad(handler, context, modelDir.entryPath ?? '')
    : await defaultLoad(context)
  // Every request is checked before any hook sees it, so a handler's own checks only add to the rule.
  const checker = modelDir.requestSchema ? createRowChecker(modelDir.requestSchema) : undefined
  const runRows: RowsInvoker = async (rows, request, timings) => {
    // A fresh context per call: the handler may set responseAttributes on it.
    const invocation: InvocationContext = { customAttributes: request.customAttributes }
    const predictions = rows.length === 0 ? [] : await runHandler(handler, model, rows, invocation, timings)
    return invocation.responseAttributes === undefined
      ? { predictions }
      : { predictions, responseAttributes: invocation.responseAttributes }
  }
  const served: ServedModel = {
    bundle: modelDir,
    async invoke(rows, request) {
      const checked = checker?.check(rows)
      const result: InvocationResult = await runRows(rows, request, noTimings())
      if (checked && checked.warningCount > 0) {
        result.warnings = checked.warnings
        result.warningCount = checked.warningCount
      }
      return result
    },
    invokeEncoded: (request) => answerEncoded(request, runRows, checker),
    batches: canBatch(handler),
    prepare: (request) => prepareRequest(handler, model, request, checker),
    answerPrepared: (prepared, maxRows, workingOn) =>
      answerPrepared(handler, model, prepared, maxRows, workingOn),
    async dispose() {
      await model.predictor?.dispose()
    },
  }
  return served
}

async function customLoad(
  handler: InferenceHandler,
  context: ModelContext,
  entry: string,
): Promise<LoadedModel> {
  let model: LoadedModel
  try {
    model = await (handler.load as NonNullable<InferenceHandler['load']>).call(handler, context)
  } catch (error) {
    if (isUserError(error)) throw error
    throw new Error(`${entry}: load failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
  const usesPredictor = !handler.predict
  if (
    typeof model !== 'object' ||
    model === null ||
    (usesPredictor && typeof model.predictor?.run !== 'function')
  ) {
    throw new UserError({
      input: entry,
      problem: 'its load hook returned no predictor',
      expected:
        'load to return { predictor: await context.loadPredictor(), ... }, or a predict hook of its own',
    })
  }
  return model
}
