import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { compressChunk, memberOf } from './compression-level'
import { startCompressionWorkers } from './compression-workers'
import { memberRoom } from './gzip-member'

/** A copy of `data` in shared memory, as the archive writer holds chunks. */
function shared(data: Uint8Array): Uint8Array {
  const copy = new Uint8Array(new SharedArrayBuffer(data.byteLength))
  copy.set(data)
  return copy
}

describe('startCompressionWorkers', async () => {
  const workers = await startCompressionWorkers(2)
  afterAll(() => workers.close())

  it('writes the same members as compressing on the calling thread, for every method', async () => {
    const floats = new Uint8Array(new Float32Array(50_000).map((_, i) => Math.sin(i) * 0.05).buffer)
    const chunks = {
      store: randomBytes(300_000),
      huffman: floats,
      deflate: Buffer.from('{"epochs": 50}\n'.repeat(20_000)),
    }
    const results = await Promise.all(
      Object.values(chunks).map(async (data) => {
        const chunk = shared(data)
        const out = new Uint8Array(new SharedArrayBuffer(memberRoom(chunk.byteLength)))
        return { chunk, out, compression: await workers.compress(chunk, out) }
      }),
    )
    expect(results.map((r) => r.compression.method)).toEqual(Object.keys(chunks))
    for (const { chunk, out, compression } of results) {
      const local = compressChunk(chunk)
      expect(Buffer.concat(memberOf(chunk, compression, out)).equals(Buffer.concat(local.member))).toBe(true)
    }
  })

  it('refuses buffers that are not shared memory', () => {
    expect(() => workers.compress(new Uint8Array(10), new Uint8Array(2000))).toThrow(/shared memory/)
  })

  it("rejects a job the worker fails, with the worker's error", async () => {
    const chunk = shared(Buffer.from('text '.repeat(10_000)))
    const tooSmall = new Uint8Array(new SharedArrayBuffer(16))
    await expect(workers.compress(chunk, tooSmall)).rejects.toThrow(/a compression worker failed: RangeError/)
  })

  it.each([
    ['exits', 'process.exit(7)', /a compression worker stopped \(exit code 7\)/],
    ['throws outside a job', "throw new Error('worker broke')", /worker broke/],
  ])('refuses the job in flight and every later one when a worker %s', async (_, death, reason) => {
    // One worker, so a job sent after its death has no live worker that could answer it by chance.
    const dying = await startCompressionWorkers(
      1,
      `require('node:worker_threads').parentPort.on('message', () => { ${death} })`,
    )
    try {
      const chunk = shared(Buffer.from('text '.repeat(100)))
      const job = () =>
        dying.compress(chunk, new Uint8Array(new SharedArrayBuffer(memberRoom(chunk.byteLength))))
      const inFlight = [job(), job()]
      const settled = await Promise.allSettled(inFlight)
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected'])
      for (const result of settled) expect((result as PromiseRejectedResult).reason.message).toMatch(reason)
      // A job sent after the failure is refused at once, not posted to a worker that will never answer.
      await expect(job()).rejects.toThrow(reason)
    } finally {
      await dying.close()
    }
  })

  it('refuses jobs once its workers are closed, rather than leaving them waiting', async () => {
    const closing = await startCompressionWorkers(1)
    await closing.close()
    const chunk = shared(Buffer.from('text '.repeat(100)))
    const out = new Uint8Array(new SharedArrayBuffer(memberRoom(chunk.byteLength)))
    await expect(closing.compress(chunk, out)).rejects.toThrow(/closed|stopped/)
  })
})
