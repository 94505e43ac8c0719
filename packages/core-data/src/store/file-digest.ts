// SHA-256 of files, streamed: artifacts are identified and checked by it, and may be gigabytes.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { UserError } from '../errors/user-error'

/** Lower-case hex SHA-256 of the file's bytes; a UserError naming the path when it is not a file. */
export async function sha256OfFile(path: string): Promise<string> {
  await sizeOfFile(path)
  const hash = createHash('sha256')
  await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash)
  return hash.digest('hex')
}

/** The file's size in bytes; a UserError naming the path when it is missing or not a file. */
export async function sizeOfFile(path: string, expected = 'a file'): Promise<number> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
    throw error
  })
  if (!info?.isFile()) {
    throw new UserError({
      input: path,
      problem: info ? 'is not a file' : 'no such file',
      expected,
      fix: 'check the path',
    })
  }
  return info.size
}

/** Whether `value` looks like a hex SHA-256 digest. */
export function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value)
}

/** A digest as a store recorded it (metadata, a `.sha256` file), or undefined when it is not one. */
export function recordedSha256(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed && isSha256(trimmed) ? trimmed : undefined
}
