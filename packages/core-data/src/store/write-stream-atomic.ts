// Writes a stream (a downloaded object, a file copied into a store) to a file atomically, hashing it
// on the way: the file appears whole and checked against the recorded SHA-256, or not at all.
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { UserError } from '../errors/user-error'
import type { TransferProgress } from './artifact-store'

export interface StreamTarget {
  /** The object's URI, for errors. */
  uri: string
  /** SHA-256 recorded when the object was stored; unchecked when undefined. */
  expectedSha256: string | undefined
  /** The object's size as the store reports it. */
  size: number
  onProgress?: TransferProgress
}

export async function writeStreamAtomic(
  body: NodeJS.ReadableStream,
  file: string,
  target: StreamTarget,
): Promise<{ sha256: string; size: number }> {
  await mkdir(dirname(file), { recursive: true })
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`)
  const hash = createHash('sha256')
  let size = 0
  target.onProgress?.(0, target.size)
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      size += chunk.length
      target.onProgress?.(size, target.size)
      done(null, chunk)
    },
  })
  try {
    // flush: fsync before the stream closes, so a crash after the rename cannot leave the name
    // pointing at data that never reached the disk.
    await pipeline(body, count, createWriteStream(temp, { flags: 'wx', mode: 0o644, flush: true }))
    const sha256 = hash.digest('hex')
    if (size !== target.size) {
      throw new Error(`${target.uri}: the stream ended after ${size} of ${target.size} bytes`)
    }
    if (target.expectedSha256 !== undefined && sha256 !== target.expectedSha256) {
      throw new UserError({
        input: target.uri,
        problem:
          `its bytes do not match the sha256 recorded when it was stored: expected ${target.expectedSha256}, ` +
          `got ${sha256}; nothing was written to ${file}`,
        fix: 'the stored object was damaged or replaced outside sagepack: upload it again',
      })
    }
    await rename(temp, file)
    return { sha256, size }
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
