// SHA-256 of files, streamed: artifacts are identified and checked by it, and may be gigabytes.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { UserError } from '../errors/user-error'

/** Lower-case hex SHA-256 of the file's bytes. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  try {
    await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR') {
      throw new UserError(
        { input: path, problem: code === 'ENOENT' ? 'no such file' : 'is a folder', expected: 'a file' },
        { cause: error },
      )
    }
    throw error
  }
  return hash.digest('hex')
}

/** Whether `value` looks like a hex SHA-256 digest. */
export function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value)
}
