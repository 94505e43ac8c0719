// The floors under a cold bundle, measured on the same weights and cores in the same round: one sha256
// pass (the bundle takes three: the manifest's, the archive's own, the read-back's); zlib's Huffman-only
// deflate of 2 MiB members written to a file (the compress phase with zlib's coder, which the writer's
// own encoder runs below); and reading those members back and inflating them with zlib (what the
// read-back cannot go below). Deflate and inflate keep a member per core in flight on libuv's pool.
import { createHash } from 'node:crypto'
import { open, rm, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { promisify } from 'node:util'
import { constants, deflateRaw, inflateRaw } from 'node:zlib'

const deflateRawAsync = promisify(deflateRaw)
const inflateRawAsync = promisify(inflateRaw)

const CHUNK = 2 * 1024 * 1024

export interface Floor {
  name: string
  wallSeconds: number
  cpuSeconds: number
}

export async function computeFloors(weightsFile: string, scratchFile: string): Promise<Floor[]> {
  const { size } = await stat(weightsFile)
  const floors: Floor[] = []
  floors.push(await measured('sha256, one pass', () => hashPass(weightsFile, size)))
  let spans: Array<{ offset: number; length: number }> = []
  floors.push(
    await measured('zlib Huffman + write', async () => {
      spans = await deflatePass(weightsFile, size, scratchFile)
    }),
  )
  floors.push(await measured('read and inflate', () => inflatePass(scratchFile, spans)))
  await rm(scratchFile, { force: true })
  return floors
}

async function measured(name: string, work: () => Promise<void>): Promise<Floor> {
  const wallStart = process.hrtime.bigint()
  const cpuStart = process.cpuUsage()
  await work()
  const cpu = process.cpuUsage(cpuStart)
  return {
    name,
    wallSeconds: Number(process.hrtime.bigint() - wallStart) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  }
}

async function hashPass(path: string, size: number): Promise<void> {
  const file = await open(path)
  try {
    const hash = createHash('sha256')
    const buffer = Buffer.allocUnsafe(CHUNK)
    for (let offset = 0; offset < size; offset += CHUNK) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, offset)
      hash.update(buffer.subarray(0, bytesRead))
    }
    hash.digest()
  } finally {
    await file.close()
  }
}

/** Each chunk Huffman-coded on the thread pool, a member per core in flight, written in order. */
async function deflatePass(
  path: string,
  size: number,
  outPath: string,
): Promise<Array<{ offset: number; length: number }>> {
  const input = await open(path)
  const output = await open(outPath, 'w')
  const spans: Array<{ offset: number; length: number }> = []
  try {
    const inFlight: Array<Promise<Buffer>> = []
    let written = 0
    const writeOldest = async () => {
      const member = await (inFlight.shift() as Promise<Buffer>)
      await output.write(member, 0, member.length, written)
      spans.push({ offset: written, length: member.length })
      written += member.length
    }
    for (let offset = 0; offset < size; offset += CHUNK) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - offset))
      await input.read(chunk, 0, chunk.length, offset)
      inFlight.push(
        deflateRawAsync(chunk, {
          level: 1,
          memLevel: 9,
          strategy: constants.Z_HUFFMAN_ONLY,
          chunkSize: CHUNK + CHUNK / 64,
        }),
      )
      if (inFlight.length >= availableParallelism()) await writeOldest()
    }
    while (inFlight.length > 0) await writeOldest()
  } finally {
    await input.close()
    await output.close()
  }
  return spans
}

async function inflatePass(path: string, spans: Array<{ offset: number; length: number }>): Promise<void> {
  const file = await open(path)
  try {
    const inFlight: Array<Promise<Buffer>> = []
    for (const span of spans) {
      const member = Buffer.allocUnsafe(span.length)
      await file.read(member, 0, span.length, span.offset)
      inFlight.push(inflateRawAsync(member, { chunkSize: CHUNK + 1 }))
      if (inFlight.length >= availableParallelism()) await inFlight.shift()
    }
    await Promise.all(inFlight)
  } finally {
    await file.close()
  }
}
