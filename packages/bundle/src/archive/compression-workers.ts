// Worker threads that compress chunks for the archive writer: the bundle's Huffman encoder is
// JavaScript, so its parallelism comes from threads of its own rather than from libuv's pool. The
// worker's code is built from compression-worker.ts with esbuild (a dependency already, for inference
// code) into one script, since a worker thread cannot load TypeScript source.
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { build } from 'esbuild'
import type { ChunkCompression } from './compression-level'

/** A chunk and an output buffer, both in shared memory. */
export interface CompressionJob {
  id: number
  chunk: SharedArrayBuffer
  chunkOffset: number
  chunkLength: number
  out: SharedArrayBuffer
}

export type CompressionReply = { id: number; compression: ChunkCompression } | { id: number; error: string }

export interface CompressionWorkers {
  /** Compresses a chunk held in shared memory into `out` (memberRoom bytes, shared memory too). */
  compress(chunk: Uint8Array, out: Uint8Array): Promise<ChunkCompression>
  /** Stops the workers; jobs still running are refused. */
  close(): Promise<void>
}

const WORKER_SOURCE = fileURLToPath(new URL('./compression-worker.ts', import.meta.url))
let workerScript: Promise<string> | undefined

/** The worker's script, built once per process (tens of milliseconds). */
function compressionWorkerScript(): Promise<string> {
  workerScript ??= build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const script = result.outputFiles[0]?.text
    if (!script) throw new Error(`esbuild produced no output for ${WORKER_SOURCE}`)
    return script
  })
  return workerScript
}

/**
 * Starts `count` workers. `script` replaces the worker's code, for tests of workers that fail: the
 * refusals below are what keeps the writer from waiting forever on a job no worker will answer.
 */
export async function startCompressionWorkers(count: number, script?: string): Promise<CompressionWorkers> {
  const code = script ?? (await compressionWorkerScript())
  const pending = new Map<number, { resolve: (c: ChunkCompression) => void; reject: (e: Error) => void }>()
  // Once a worker has failed or stopped, every job is refused, those sent later too: none may wait forever.
  let stopped: Error | undefined
  const refuseAll = (error: Error) => {
    stopped ??= error
    for (const job of pending.values()) job.reject(error)
    pending.clear()
  }
  const workers = Array.from({ length: count }, () => {
    // The worker allocates little (its tables are reused): a small young generation keeps its memory small.
    const worker = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4 } })
    worker.on('message', (reply: CompressionReply) => {
      const job = pending.get(reply.id)
      pending.delete(reply.id)
      if ('error' in reply) job?.reject(new Error(`a compression worker failed: ${reply.error}`))
      else job?.resolve(reply.compression)
    })
    worker.on('error', refuseAll)
    worker.on('exit', (code) => refuseAll(new Error(`a compression worker stopped (exit code ${code})`)))
    return worker
  })
  let nextId = 0
  return {
    compress(chunk, out) {
      if (!(chunk.buffer instanceof SharedArrayBuffer) || !(out.buffer instanceof SharedArrayBuffer)) {
        throw new Error('compression workers take chunks and output buffers in shared memory')
      }
      if (stopped) return Promise.reject(stopped)
      const id = nextId++
      const job: CompressionJob = {
        id,
        chunk: chunk.buffer,
        chunkOffset: chunk.byteOffset,
        chunkLength: chunk.byteLength,
        out: out.buffer,
      }
      return new Promise<ChunkCompression>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        // Any worker gives the same bytes: the compression depends on the chunk alone.
        ;(workers[id % workers.length] as Worker).postMessage(job)
      })
    },
    async close() {
      refuseAll(new Error('the compression workers were closed'))
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
