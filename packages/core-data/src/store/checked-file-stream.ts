// Reads a file for upload while checking it is still the file that was hashed: a file rewritten
// between hashing and uploading fails the stream before its end, so the upload never commits.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { PassThrough, pipeline, Transform } from 'node:stream'
import { UserError } from '../errors/user-error'

export interface ExpectedContent {
  sha256: string
  size: number
}

/**
 * The file's bytes; the stream errors instead of ending when they do not hash to `expected.sha256`
 * or do not add up to `expected.size`. Destroying the returned stream closes the file.
 */
export function checkedFileStream(file: string, expected: ExpectedContent): PassThrough {
  const hash = createHash('sha256')
  let size = 0
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      size += chunk.length
      done(null, chunk)
    },
    flush(done) {
      const sha256 = hash.digest('hex')
      if (sha256 === expected.sha256 && size === expected.size) done()
      else done(changedWhileReading(file, expected, { sha256, size }))
    },
  })
  // A PassThrough as the outside face, so callers get one plain stream whose error carries the cause.
  const out = new PassThrough({ highWaterMark: 1024 * 1024 })
  pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), check, out, () => {})
  return out
}

function changedWhileReading(file: string, expected: ExpectedContent, got: ExpectedContent): UserError {
  return new UserError({
    input: file,
    problem:
      `changed while it was being uploaded: it was ${expected.size} bytes with sha256 ${expected.sha256}, ` +
      `then read as ${got.size} bytes with sha256 ${got.sha256}; nothing was stored`,
    fix: 'wait until whatever writes the file has finished, then upload again',
  })
}
