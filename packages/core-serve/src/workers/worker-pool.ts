// The InvocationRunner of `serve`: a pool of worker threads that each load the bundle and run the
// handler, so predictions never block the main thread's event loop (and /ping answers during a long
// batch). Calls go to the least busy worker; a worker that dies is replaced and its calls fail with
// a 500, and so is a worker whose oldest call has run past the invocation timeout (a hung handler
// would otherwise hold its thread, and every call queued behind it, forever); close() lets running
// calls finish before stopping the workers.
import { Worker } from 'node:worker_threads'
import type { EncodedRequest, EncodedResponse, InvocationRunner } from '../handler/handler-api'
import { InvocationError } from '../handler/invocation-error'
import { type ModelDir, readModelDir } from '../model-dir/read-model-dir'
import { InFlight } from './in-flight'
import { invocationTimeoutMs, TIMEOUT_ENV } from './invocation-timeout'
import { fromTransferredError } from './transfer-error'
import { workerCount } from './worker-count'
import { type WorkerLaunch, workerLaunch } from './worker-launch'
import type { InvocationWorkerData, InvokeMessage, WorkerMessage } from './worker-messages'

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
}

export interface WorkerPool extends InvocationRunner {
  /** The bundle as read on the main thread before any worker started. */
  readonly bundle: ModelDir
  /** Workers started (loaded or loading). */
  readonly size: number
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
  return new ThreadPool(bundle, count, launch, log, timeoutMs)
}

interface PendingCall {
  resolve(response: EncodedResponse): void
  reject(error: InvocationError): void
  /** performance.now() when it was dispatched. */
  startedAt: number
}

interface PoolWorker {
  worker: Worker
  /** When this worker was last given a call, in dispatches. */
  lastUsed: number
  loaded: boolean
  /** Set when the pool itself stops the worker: its exit is not a crash. */
  stopping: boolean
  calls: Map<number, PendingCall>
  /** Why it stopped, when it says so before exiting. */
  failure?: Error
}

class ThreadPool implements WorkerPool {
  readonly bundle: ModelDir
  readonly #launch: WorkerLaunch
  readonly #log: (line: string) => void
  readonly #timeoutMs: number
  /** Checks for calls past the timeout; a sweep, so a call costs no timer of its own. */
  readonly #sweeper: NodeJS.Timeout
  readonly #workers: PoolWorker[] = []
  readonly #inFlight = new InFlight()
  readonly #ready: Promise<void>
  #resolveReady!: () => void
  #rejectReady!: (error: Error) => void
  /** Calls waiting for a loaded worker. */
  #waiting: Array<{ resolve(): void; reject(error: InvocationError): void }> = []
  /** True once every worker started with the pool has loaded (replacements included). */
  #started = false
  /** Set when the pool cannot serve at all: the model failed to load, or every worker is gone. */
  #failure: Error | undefined
  #closing: Promise<void> | undefined
  #nextId = 0
  /** Counts dispatches, to know which worker was used last. */
  #uses = 0

  constructor(
    bundle: ModelDir,
    count: number,
    launch: WorkerLaunch,
    log: (line: string) => void,
    timeoutMs: number,
  ) {
    this.bundle = bundle
    this.#launch = launch
    this.#log = log
    this.#timeoutMs = timeoutMs
    this.#sweeper = setInterval(() => this.#restartHungWorkers(), Math.min(1000, timeoutMs / 4))
    this.#sweeper.unref()
    this.#ready = new Promise<void>((resolve, reject) => {
      this.#resolveReady = resolve
      this.#rejectReady = reject
    })
    // Handled here so a caller that never asks whenReady() does not get an unhandled rejection.
    this.#ready.catch(() => {})
    for (let i = 0; i < count; i++) this.#start()
  }

  get ready(): boolean {
    return (
      this.#started &&
      this.#failure === undefined &&
      this.#closing === undefined &&
      this.#workers.some((w) => w.loaded)
    )
  }

  get size(): number {
    return this.#workers.length
  }

  whenReady(): Promise<void> {
    return this.#ready
  }

  invoke(request: EncodedRequest): Promise<EncodedResponse> {
    if (this.#closing) return Promise.reject(new InvocationError(500, 'the model server is shutting down'))
    return this.#inFlight.track(this.#dispatch(request))
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

  async #dispatch(request: EncodedRequest): Promise<EncodedResponse> {
    // Picked and registered in one synchronous step, so calls dispatched in the same tick see each
    // other's load and spread over the workers.
    const target = this.#pickWorker() ?? (await this.#waitForWorker())
    const id = ++this.#nextId
    return new Promise<EncodedResponse>((resolve, reject) => {
      target.calls.set(id, { resolve, reject, startedAt: performance.now() })
      const message: InvokeMessage = { type: 'invoke', id, request }
      target.worker.postMessage(message)
    })
  }

  /**
   * The loaded worker with the fewest running calls. Ties go to the worker used last: at low load one
   * thread stays awake and warm instead of every request waking a sleeping one.
   */
  #pickWorker(): PoolWorker | undefined {
    let best: PoolWorker | undefined
    for (const candidate of this.#workers) {
      if (!candidate.loaded) continue
      if (
        !best ||
        candidate.calls.size < best.calls.size ||
        (candidate.calls.size === best.calls.size && candidate.lastUsed > best.lastUsed)
      ) {
        best = candidate
      }
    }
    if (best) best.lastUsed = ++this.#uses
    return best
  }

  async #waitForWorker(): Promise<PoolWorker> {
    for (;;) {
      if (this.#failure) throw new InvocationError(500, `the model is not loaded: ${this.#failure.message}`)
      await new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }))
      const worker = this.#pickWorker()
      if (worker) return worker
    }
  }

  /** Terminates each worker whose oldest call is past the timeout; #onExit fails its calls and replaces it. */
  #restartHungWorkers(): void {
    const now = performance.now()
    for (const entry of this.#workers) {
      const oldest = entry.calls.values().next().value
      if (entry.stopping || entry.failure || !oldest || now - oldest.startedAt <= this.#timeoutMs) continue
      entry.failure = new Error(
        `an invocation ran for more than ${this.#timeoutMs / 1000} s (${TIMEOUT_ENV}), so its worker ` +
          'thread was restarted; make the handler faster, send fewer rows per request, or raise the timeout',
      )
      void entry.worker.terminate()
    }
  }

  #start(): void {
    const data: InvocationWorkerData = { modelDir: this.bundle.dir }
    const worker = new Worker(this.#launch.script, { eval: this.#launch.eval, workerData: data })
    const entry: PoolWorker = { worker, lastUsed: 0, loaded: false, stopping: false, calls: new Map() }
    this.#workers.push(entry)
    worker.on('message', (message: WorkerMessage) => this.#onMessage(entry, message))
    worker.on('error', (error) => {
      entry.failure ??= error
    })
    worker.on('exit', (code) => this.#onExit(entry, code))
  }

  #onMessage(entry: PoolWorker, message: WorkerMessage): void {
    switch (message.type) {
      case 'loaded': {
        entry.loaded = true
        if (!this.#started && this.#workers.every((w) => w.loaded)) {
          this.#started = true
          this.#resolveReady()
        }
        for (const waiter of this.#waiting.splice(0)) waiter.resolve()
        return
      }
      case 'load-failed': {
        entry.failure = fromTransferredError(message.error)
        void entry.worker.terminate()
        return
      }
      case 'result': {
        entry.calls.get(message.id)?.resolve(message.response)
        entry.calls.delete(message.id)
        return
      }
      case 'failed': {
        entry.calls
          .get(message.id)
          ?.reject(new InvocationError(message.status, message.message, message.where))
        entry.calls.delete(message.id)
        return
      }
    }
  }

  #onExit(entry: PoolWorker, code: number): void {
    const index = this.#workers.indexOf(entry)
    if (index >= 0) this.#workers.splice(index, 1)
    const reason = entry.failure ?? new Error(`the worker thread exited with code ${code}`)
    for (const call of entry.calls.values()) {
      call.reject(
        new InvocationError(500, `the worker thread running this invocation stopped: ${reason.message}`),
      )
    }
    entry.calls.clear()
    if (entry.stopping) return
    if (!entry.loaded) {
      // Every worker loads the same bundle: one failing at startup means the model cannot be served.
      if (!this.#started) {
        this.#fail(reason)
        return
      }
      this.#log(`sagepack: a replacement worker thread failed to load the model: ${reason.message}`)
      if (this.#workers.length === 0) this.#fail(reason)
      return
    }
    this.#log(`sagepack: a worker thread stopped (${reason.message}); starting a replacement`)
    this.#start()
  }

  #fail(reason: Error): void {
    this.#failure ??= reason
    this.#rejectReady(reason)
    const error = new InvocationError(500, `the model is not loaded: ${reason.message}`)
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error)
    for (const entry of this.#workers) void this.#stop(entry)
  }

  async #stop(entry: PoolWorker): Promise<void> {
    entry.stopping = true
    await entry.worker.terminate()
  }
}
