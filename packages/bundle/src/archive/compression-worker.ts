// A compression worker's loop: compresses each chunk it is sent into the output buffer sent with it.
// Both buffers are shared memory, so nothing is copied between threads; the answer says how the chunk
// was compressed and where the member lies. Started by compression-workers.ts, never imported.
import { parentPort } from 'node:worker_threads'
import { compressInto } from './compression-level'
import type { CompressionJob, CompressionReply } from './compression-workers'

parentPort?.on('message', (job: CompressionJob) => {
  let reply: CompressionReply
  try {
    const chunk = new Uint8Array(job.chunk, job.chunkOffset, job.chunkLength)
    reply = { id: job.id, compression: compressInto(chunk, new Uint8Array(job.out)) }
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  parentPort?.postMessage(reply)
})
