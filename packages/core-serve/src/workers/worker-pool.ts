// The InvocationRunner of `serve`: a pool of worker threads that each load the bundle and run the
// handler, so predictions never block the main thread's event loop (and /ping answers during a long
// batch). Calls go to the least busy worker, which packs them into batches (request-batcher.ts) by the
// model's batching settings (batching-settings.ts).
//
// One bad request cannot hurt the others. A worker that dies, or whose batch runs past the invocation
// timeout (a hung handler would otherwise hold its thread forever), is replaced, and its calls are
// sorted out here (#settleFault): the call at fault gets a 500 naming the fault; the others of its
// batch run again, alone, once (fault-verdict.ts); the calls it had not started go back to the front
// of the queue (waiting-calls.ts), for another worker or the replacement. Readiness follows the model,
// not one thread: once loaded, the pool stays ready through restarts, and turns unready only when
// replacements keep failing to load. close() lets running calls finish before stopping the workers.
import { Worker } from 'node:worker_threads'
import type { EncodedRequest, InvocationRunner, RunnerResponse } from '../handler/handler-api'
import { InvocationError } from '../handler/invocation-error'
import { type ModelDir, readModelDir } from '../model-dir/read-model-dir'
import { keepOnnxRuntimeOffline } from '../predictors/onnx-runtime-offline'
import type { PredictorOptions } from '../predictors/predictor-options'
import {
  type BatchingOverrides,
  type BatchingSettings,
  batchingOverridesFrom,
  resolveBatching,
} from './batching-settings'
import { faultVerdict } from './fault-verdict'
import { InFlight } from './in-flight'
import { invocationTimeoutMs, TIMEOUT_ENV } from './invocation-timeout'
import type { PoolCall } from './pool-call'
import { fromTransferredError } from './transfer-error'
import { WaitingCalls } from './waiting-calls'
import { workerCount } from './worker-count'
import { type WorkerLaunch, workerLaunch } from './worker-launch'
import {
  addCall,
  type CallResult,
  type InvocationWorkerData,
  type InvokeGroup,
  isSettled,
  PROGRESS,
  resultsOf,
  type WorkerMessage,
} from './worker-messages'

export interface WorkerPoolOptions {
  /** The extracted bundle: /opt/ml/model on SageMaker. */
  modelDir: string
  /** Default: SAGEMAKER_MODEL_SERVER_WORKERS, else os.availableParallelism(). */
  workers?: number
  /** The worker script; required in a bundled runtime (see worker-launch.ts). */
  workerScript?: string | URL
  /** Where crashes and replacements are reported; stderr by default. */
  log?: (line: string) => void
  /** How long one call may run before its worker is restarted. Default: see invocation-timeout.ts. */
  invocationTimeoutMs?: number
  /** How every worker holds the weights (see runtime/serving-plan.ts); by default what suits the files. */
  predictor?: PredictorOptions
  /** Overrides of the bundle's `serve.batching`. Default: SAGEPACK_MAX_BATCH_ROWS and SAGEPACK_MAX_BATCH_DELAY_MS. */
  batching?: BatchingOverrides
}

export interface WorkerPool extends InvocationRunner {
  /** The bundle as read on the main thread before any worker started. */
  readonly bundle: ModelDir
  /** Workers started (loaded or loading). */
  readonly size: number
  /** How workers pack calls into predict calls, and where each setting came from. */
  readonly batching: BatchingSettings
  /**
   * Whether calls share predict calls: false when the handler has its own predict hook (then every
   * call runs alone, whatever `batching` says); undefined until a worker has loaded the model.
   */
  readonly batchesCalls: boolean | undefined
  /** Resolves once every worker has loaded; rejects with the load error (often a UserError). */
  whenReady(): Promise<void>
}

/**
 * Resolves once the bundle is read and the workers are started, before they have loaded the model, so
 * the server can listen (and answer /ping with 503) while loading; `ready` turns true after loading.
 */
export async function createWorkerPool(options: WorkerPoolOptions): Promise<WorkerPool> {
  // Read on the main thread first: a broken bundle fails here, once, instead of once per worker.
  const bundle = await readModelDir(options.modelDir)
  const count = workerCount(options.workers)
  const launch = workerLaunch(options.workerScript)
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const timeoutMs = options.invocationTimeoutMs ?? invocationTimeoutMs()
  const batching = resolveBatching(bundle.config, options.batching ?? batchingOverridesFrom(process.env))
  // Workers share this process's environment, which only the main thread can change.
  keepOnnxRuntimeOffline()
  return new ThreadPool(bundle, count, launch, log, timeoutMs, batching, options.predictor)
}

/**
 * Body characters past which a worker's outbox is posted at once rather than at the end of the turn.
 * Measured with iris at 32 connections (bench/serve's load, one worker): grouped one-row requests (70 B)
 * cost the worker a quarter less CPU each (fewer messages, larger predict calls); grouped 64-row
 * requests (1.1 KB, about 100 us of work each) lost 8% of throughput in two runs, the worker waiting
 * for this thread's whole turn instead of starting on the first.
 */
const GROUP_BYTES = 1024

/** Replacements that fail to load in a row before the pool gives up on the model. */
const MAX_FAILED_LOADS = 3
/** A replacement that failed to load is tried again after this long, times the failures so far. */
const RELOAD_BACKOFF_MS = 500

interface PoolWorker {
  worker: Worker
  /** What the thread says it is doing (see InvocationWorkerData.progress). */
  progress: Int32Array
  /** When this worker was last given a call, in dispatches. */
  lastUsed: number
  loaded: boolean
  /** Set when the pool itself stops the worker: its exit is not a crash. */
  stopping: boolean
  /** The calls it was given and has not answered, in the order it got them (its batch, then its queue). */
  calls: Map<number, PoolCall>
  /** performance.now() since when it has been busy without a pause: its current batch started no earlier. */
  busySince: number
  /** True while it runs a call alone (a call run again after a fault): it gets nothing else meanwhile. */
  alone: boolean
  /** Calls given to it in this turn of the event loop, posted together at its end (#flush). */
  outbox: InvokeGroup
  /** The length of the bodies in its outbox. */
  outboxBytes: number
  /** Why it stopped, when it says so (or the pool decides) before it exits. */
  failure?: Error
}

class ThreadPool implements WorkerPool {
  readonly bundle: ModelDir
  readonly batching: BatchingSettings
  batchesCalls: boolean | undefined
  readonly #launch: WorkerLaunch
  readonly #log: (line: string) => void
  readonly #timeoutMs: number
  readonly #predictor: PredictorOptions | undefined
  /** Checks for batches past the timeout and a queue nobody takes; a sweep, so a call costs no timer. */
  readonly #sweeper: NodeJS.Timeout
  readonly #workers: PoolWorker[] = []
  readonly #waiting = new WaitingCalls()
  readonly #inFlight = new InFlight()
  readonly #ready: Promise<void>
  #resolveReady!: () => void
  #rejectReady!: (error: Error) => void
  /** True once every worker started with the pool has loaded: the model can be served. */
  #started = false
  /** Set when the pool cannot serve at all: the model failed to load, at start or again and again. */
  #failure: Error | undefined
  /** Replacements that failed to load since a worker last loaded. */
  #failedLoads = 0
  #closing: Promise<void> | undefined
  /** performance.now() when a worker last took a call or a thread was started: the queue is moving. */
  #progressAt = performance.now()
  #nextId = 0
  /** Counts dispatches, to know which worker was used last. */
  #uses = 0
  /** Set while a #flush is scheduled for the end of this turn of the event loop. */
  #flushing = false

  constructor(
    bundle: ModelDir,
    count: number,
    launch: WorkerLaunch,
    log: (line: string) => void,
    timeoutMs: number,
    batching: BatchingSettings,
    predictor: PredictorOptions | undefined,
  ) {
    this.bundle = bundle
    this.batching = batching
    this.#predictor = predictor
    this.#launch = launch
    this.#log = log
    this.#timeoutMs = timeoutMs
    this.#sweeper = setInterval(() => this.#sweep(), Math.min(1000, timeoutMs / 4))
    this.#sweeper.unref()
    this.#ready = new Promise<void>((resolve, reject) => {
      this.#resolveReady = resolve
      this.#rejectReady = reject
    })
    // Handled here so a caller that never asks whenReady() does not get an unhandled rejection.
    this.#ready.catch(() => {})
    for (let i = 0; i < count; i++) this.#start()
  }

  /** A restarting thread does not make the model unavailable: calls wait for the replacement. */
  get ready(): boolean {
    return this.#started && this.#failure === undefined && this.#closing === undefined
  }

  get size(): number {
    return this.#workers.length
  }

  whenReady(): Promise<void> {
    return this.#ready
  }

  invoke(request: EncodedRequest): Promise<RunnerResponse> {
    if (this.#closing) return Promise.reject(new InvocationError(500, 'the model server is shutting down'))
    if (this.#failure) return Promise.reject(notLoaded(this.#failure))
    return this.#inFlight.track(
      new Promise<RunnerResponse>((resolve, reject) => {
        // Ids wrap within an Int32, the size of the number a worker writes back.
        this.#nextId = (this.#nextId % 0x7fff_ffff) + 1
        const call: PoolCall = { id: this.#nextId, request, resolve, reject, waitedMs: 0 }
        const target = this.#waiting.size === 0 ? this.#pickWorker() : undefined
        if (target) this.#send(target, call)
        else {
          this.#waiting.push(call)
          this.#dispatch()
        }
      }),
    )
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#inFlight.drain()
      clearInterval(this.#sweeper)
      await Promise.all(this.#workers.map((w) => this.#stop(w)))
      // No effect once loaded; releases whenReady() callers when closed while still loading.
      this.#rejectReady(new Error('the worker pool was closed before the model was loaded'))
    })()
    return this.#closing
  }

  /**
   * The loaded worker with the fewest calls in hand. Ties go to the worker used last: at low load one
   * thread stays awake and warm instead of every request waking a sleeping one.
   */
  #pickWorker(onlyIdle = false): PoolWorker | undefined {
    let best: PoolWorker | undefined
    for (const candidate of this.#workers) {
      if (!candidate.loaded || candidate.stopping || candidate.alone) continue
      if (onlyIdle && candidate.calls.size > 0) continue
      if (
        !best ||
        candidate.calls.size < best.calls.size ||
        (candidate.calls.size === best.calls.size && candidate.lastUsed > best.lastUsed)
      ) {
        best = candidate
      }
    }
    return best
  }

  /**
   * An idle worker gets the call at once: it starts on it while this thread reads the next requests. A
   * busy one reads its port only between batches, so the calls it is given meanwhile wait in its outbox
   * and go over together at the end of this turn of the event loop (#flush): one message, where each
   * call used to cost a postMessage of its own on both threads. Small calls gain most (a one-row call
   * costs about as much to post as to run); an outbox whose bodies reach GROUP_BYTES goes at once, so
   * the worker has large calls to work on while this thread is still reading.
   */
  #send(target: PoolWorker, call: PoolCall): void {
    const now = performance.now()
    if (call.waitingSince !== undefined) {
      call.waitedMs += now - call.waitingSince
      call.waitingSince = undefined
    }
    const idle = target.calls.size === 0
    if (idle) target.busySince = now
    target.calls.set(call.id, call)
    target.lastUsed = ++this.#uses
    this.#progressAt = now
    // An idle worker's outbox is empty: its calls so far were posted, and answered.
    addCall(target.outbox, call.id, call.request)
    target.outboxBytes += call.request.body.length
    if (idle || target.outboxBytes >= GROUP_BYTES) this.#post(target)
    else if (!this.#flushing) {
      this.#flushing = true
      setImmediate(this.#flush)
    }
  }

  /** Runs in the loop's check phase, right after the poll phase that read the requests. */
  readonly #flush = (): void => {
    this.#flushing = false
    // A worker that exited meanwhile is out of the list: its calls are settled with the rest (#onExit).
    for (const entry of this.#workers) if (entry.outbox.length > 0) this.#post(entry)
  }

  #post(entry: PoolWorker): void {
    const group = entry.outbox
    entry.outbox = []
    entry.outboxBytes = 0
    entry.worker.postMessage(group)
  }

  /**
   * Hands waiting calls to workers: calls to run again first, each to an idle worker that then gets
   * nothing else until it has answered; new calls only once none of those waits.
   */
  #dispatch(): void {
    while (this.#waiting.rerunWaiting) {
      const idle = this.#pickWorker(true)
      if (!idle) return
      idle.alone = true
      this.#send(idle, this.#waiting.nextRerun() as PoolCall)
    }
    while (this.#waiting.size > 0) {
      const target = this.#pickWorker()
      if (!target) return
      this.#send(target, this.#waiting.next() as PoolCall)
    }
  }

  /**
   * Restarts each worker busy past the timeout without a pause (#onExit then decides which call
   * hung). Calls wait in the queue behind a hung batch and for a replacement to load, each for up to
   * the timeout; when no worker has taken a call or started for that long, the queue is failed rather
   * than held.
   */
  #sweep(): void {
    const now = performance.now()
    for (const entry of this.#workers) {
      if (entry.stopping || entry.failure || entry.calls.size === 0) continue
      if (now - entry.busySince <= this.#timeoutMs) continue
      entry.failure = new Error(
        `an invocation ran for more than ${this.#timeoutMs / 1000} s (${TIMEOUT_ENV}), so its worker ` +
          'thread was restarted; make the handler faster, send fewer rows per request, or raise the timeout',
      )
      void entry.worker.terminate()
      // Its replacement starts once it has exited: the queue gets a timeout's wait for it.
      this.#progressAt = now
    }
    if (this.#waiting.size === 0 || now - this.#progressAt <= this.#timeoutMs) return
    const stuck = new InvocationError(
      500,
      `no worker thread took this invocation for ${this.#timeoutMs / 1000} s (${TIMEOUT_ENV}): every ` +
        'worker is busy or still loading the model; try again, or raise the timeout',
    )
    for (const call of this.#waiting.takeAll()) call.reject(stuck)
  }

  #start(): void {
    this.#progressAt = performance.now()
    const data: InvocationWorkerData = {
      modelDir: this.bundle.dir,
      progress: new SharedArrayBuffer(8),
      batching: { maxRows: this.batching.maxRows, maxDelayMs: this.batching.maxDelayMs },
      ...(this.#predictor ? { predictor: this.#predictor } : {}),
    }
    const worker = new Worker(this.#launch.script, { eval: this.#launch.eval, workerData: data })
    const entry: PoolWorker = {
      worker,
      progress: new Int32Array(data.progress),
      lastUsed: 0,
      loaded: false,
      stopping: false,
      calls: new Map(),
      busySince: 0,
      alone: false,
      outbox: [],
      outboxBytes: 0,
    }
    this.#workers.push(entry)
    worker.on('message', (message: WorkerMessage) => this.#onMessage(entry, message))
    worker.on('error', (error) => {
      entry.failure ??= error
    })
    worker.on('exit', (code) => this.#onExit(entry, code))
  }

  #onMessage(entry: PoolWorker, message: WorkerMessage): void {
    if (isSettled(message)) {
      this.#onSettled(entry, resultsOf(message))
      return
    }
    switch (message.type) {
      case 'loaded': {
        entry.loaded = true
        this.batchesCalls = message.batches
        this.#failedLoads = 0
        if (!this.#started && this.#workers.every((w) => w.loaded)) {
          this.#started = true
          this.#resolveReady()
        }
        this.#dispatch()
        return
      }
      case 'load-failed': {
        entry.failure = fromTransferredError(message.error)
        void entry.worker.terminate()
        return
      }
    }
  }

  #onSettled(entry: PoolWorker, results: ReadonlyArray<CallResult<RunnerResponse>>): void {
    for (const result of results) {
      const call = entry.calls.get(result.id)
      if (!call) continue
      entry.calls.delete(result.id)
      if ('response' in result) {
        // The wait in this pool's own queue joins the worker's measure of it.
        const { timings } = result.response
        if (timings && call.waitedMs > 0) timings.queue += call.waitedMs
        call.resolve(result.response)
      } else call.reject(new InvocationError(result.status, result.message, result.where))
    }
    // The worker takes the calls it has queued as its next batch right away.
    entry.busySince = performance.now()
    if (entry.calls.size === 0) entry.alone = false
    this.#dispatch()
  }

  #onExit(entry: PoolWorker, code: number): void {
    const index = this.#workers.indexOf(entry)
    if (index >= 0) this.#workers.splice(index, 1)
    const reason = entry.failure ?? new Error(`the worker thread exited with code ${code}`)
    const rerun = this.#settleFault(entry, reason)
    if (entry.stopping) return
    if (entry.loaded) {
      this.#log(
        `sagepack: a worker thread stopped (${reason.message}); starting a replacement; ` +
          `${rerun} requests that shared its batch run again`,
      )
      this.#start()
    } else if (!this.#started) {
      // Every worker loads the same bundle: one failing at startup means the model cannot be served.
      this.#fail(reason)
    } else {
      this.#replacementFailed(reason)
    }
    this.#dispatch()
  }

  /**
   * The calls of a worker that stopped: those of the batch it was running get the verdict (the call at
   * fault gets the reason, the others run again alone); those it had not started yet go back to the
   * front of the queue. Returns how many run again.
   */
  #settleFault(entry: PoolWorker, reason: Error): number {
    const unanswered = [...entry.calls.values()]
    entry.calls.clear()
    if (unanswered.length === 0) return 0
    // The worker takes its calls in the order it got them; its batch ends at the call it names.
    const batchEnd = Atomics.load(entry.progress, PROGRESS.batchEnd)
    const ran = unanswered.findIndex((call) => call.id === batchEnd) + 1
    this.#waiting.requeue(unanswered.slice(ran))
    const { atFault, rerun } = faultVerdict(
      unanswered.slice(0, ran),
      Atomics.load(entry.progress, PROGRESS.workingOn),
    )
    atFault?.reject(
      new InvocationError(
        500,
        `the worker thread running this invocation stopped: ${reason.message} ` +
          '(it stopped while working on this request, so the request is not run again)',
      ),
    )
    for (const call of rerun) this.#waiting.pushRerun(call)
    return rerun.length
  }

  /** A replacement that cannot load is tried again a few times; the model is given up only then. */
  #replacementFailed(reason: Error): void {
    this.#failedLoads++
    const anyLoaded = this.#workers.some((w) => w.loaded)
    if (this.#failedLoads >= MAX_FAILED_LOADS) {
      this.#log(
        `sagepack: a replacement worker thread failed to load the model ${this.#failedLoads} times: ${reason.message}`,
      )
      if (!anyLoaded) this.#fail(reason)
      return
    }
    this.#log(`sagepack: a replacement worker thread failed to load the model (${reason.message}); retrying`)
    setTimeout(() => {
      if (!this.#closing && !this.#failure) this.#start()
    }, RELOAD_BACKOFF_MS * this.#failedLoads).unref()
  }

  #fail(reason: Error): void {
    this.#failure ??= reason
    this.#rejectReady(reason)
    const error = notLoaded(reason)
    for (const call of this.#waiting.takeAll()) call.reject(error)
    for (const entry of this.#workers) void this.#stop(entry)
  }

  async #stop(entry: PoolWorker): Promise<void> {
    entry.stopping = true
    await entry.worker.terminate()
  }
}

function notLoaded(reason: Error): InvocationError {
  return new InvocationError(500, `the model is not loaded: ${reason.message}`)
}
