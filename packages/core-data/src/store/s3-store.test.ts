import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { text } from 'node:stream/consumers'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { type S3TestServer, startS3TestServer } from '../testing/s3-test-server'
import type { ArtifactStore } from './artifact-store'
import { bundleKey, putContentAddressed } from './content-addressed'
import { sha256OfFile } from './file-digest'
import { openArtifactStore } from './open-artifact-store'

const MiB = 1024 * 1024
/** S3's smallest part: an 11 MiB file goes up as parts of 5, 5 and 1 MiB. */
const PART_SIZE = 5 * MiB

let server: S3TestServer
let dir: string
let store: ArtifactStore

beforeAll(async () => {
  server = await startS3TestServer()
})
afterAll(async () => {
  await server?.close()
})
beforeEach(async (context) => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-s3-store-'))
  context.onTestFinished(() => rm(dir, { recursive: true, force: true }))
  // A fresh prefix per test, so tests do not see each other's objects.
  store = openArtifactStore(`s3://${server.bucket}/${context.task.id}`, {
    env: server.env,
    partSize: PART_SIZE,
  })
  server.reset()
})

async function fileOf(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

const operations = () => server.requests.map((request) => request.operation)

describe('the s3:// artifact store', () => {
  it('uploads a file larger than one part as a multipart upload, and downloads it checked', async () => {
    const bytes = randomBytes(11 * MiB)
    const file = await fileOf('big.bin', bytes)
    const progress: Array<[number, number]> = []
    const stored = await store.putFile('big/model.tar.gz', file, {
      onProgress: (done, total) => progress.push([done, total]),
    })
    const sha256 = await sha256OfFile(file)
    expect(stored).toEqual({ key: 'big/model.tar.gz', size: 11 * MiB, sha256 })
    const uploads = server.requests.filter((request) => request.key.endsWith('big/model.tar.gz'))
    expect(uploads.map((request) => request.operation)).toEqual([
      'CreateMultipartUpload',
      'UploadPart',
      'UploadPart',
      'UploadPart',
      'CompleteMultipartUpload',
      'HeadObject',
    ])
    expect(progress[0]).toEqual([0, 11 * MiB])
    expect(progress.at(-1)).toEqual([11 * MiB, 11 * MiB])
    expect(await server.pendingUploads()).toEqual([])

    expect(await store.head('big/model.tar.gz')).toEqual(stored)
    const copy = join(dir, 'copy', 'model.tar.gz')
    expect(await store.getFile('big/model.tar.gz', copy)).toEqual(stored)
    expect((await readFile(copy)).equals(bytes)).toBe(true)
    expect(await readdir(join(dir, 'copy'))).toEqual(['model.tar.gz'])
  })

  it('uploads a file of one part or less with a single PUT', async () => {
    const file = await fileOf('small.csv', Buffer.from('a,b\n1,2\n'))
    await store.putFile('data/small.csv', file, { contentType: 'text/csv' })
    expect(operations()).toEqual(['PutObject', 'HeadObject'])
    expect(await text(await store.openRead('data/small.csv'))).toBe('a,b\n1,2\n')
  })

  it('skips a content-addressed upload whose digest key already holds the same bytes', async () => {
    const file = await fileOf('model.tar.gz', randomBytes(64 * 1024))
    const sha256 = await sha256OfFile(file)
    const first = await putContentAddressed(store, 'iris', file)
    expect(first).toEqual({
      key: `iris/${sha256}/model.tar.gz`,
      uri: `${store.root}iris/${sha256}/model.tar.gz`,
      sha256,
      size: 64 * 1024,
      skipped: false,
    })
    expect(first.key).toBe(bundleKey('iris', sha256))
    expect(first.uri).toMatch(new RegExp(`^s3://${server.bucket}/`))
    server.requests.length = 0
    const second = await putContentAddressed(store, 'iris', file)
    expect(second).toEqual({ ...first, skipped: true })
    expect(operations()).toEqual(['HeadObject'])
  })

  it('refuses a download whose bytes do not match the recorded digest, and writes nothing', async () => {
    const recorded = 'a'.repeat(64)
    await server.client.send(
      new PutObjectCommand({
        Bucket: server.bucket,
        Key: `${store.root.slice(`s3://${server.bucket}/`.length)}tampered.bin`,
        Body: 'not the bytes that were recorded',
        Metadata: { sha256: recorded },
      }),
    )
    const target = join(dir, 'out', 'tampered.bin')
    const download = store.getFile('tampered.bin', target)
    await expect(download).rejects.toBeInstanceOf(UserError)
    await expect(download).rejects.toThrow(
      new RegExp(
        `^${store.uri('tampered.bin')}: its bytes do not match the sha256 recorded when it was stored: ` +
          `expected ${recorded}, got [0-9a-f]{64}; nothing was written to ${target}`,
      ),
    )
    expect(await readdir(join(dir, 'out'))).toEqual([])
  })

  it('leaves no object and no parts when the server keeps failing a part', async () => {
    const file = await fileOf('big.bin', randomBytes(11 * MiB))
    server.failRequests((request) => request.operation === 'UploadPart' && request.query.partNumber === '2')
    await expect(store.putFile('failed/model.tar.gz', file)).rejects.toThrow('injected by the test')
    const part2 = server.requests.filter(
      (request) => request.operation === 'UploadPart' && request.query.partNumber === '2',
    )
    // Retried by the SDK before giving up (createS3Client's 5 attempts).
    expect(part2).toHaveLength(5)
    expect(operations()).toContain('AbortMultipartUpload')
    expect(operations()).not.toContain('CompleteMultipartUpload')
    expect(await store.head('failed/model.tar.gz')).toBeUndefined()
    expect(await server.pendingUploads()).toEqual([])
  })

  it('retries a part the server fails once, and completes', async () => {
    const file = await fileOf('big.bin', randomBytes(11 * MiB))
    server.failRequests(
      (request) => request.operation === 'UploadPart' && request.query.partNumber === '3',
      1,
    )
    const stored = await store.putFile('retried/model.tar.gz', file)
    expect(stored.sha256).toBe(await sha256OfFile(file))
    expect(operations().filter((operation) => operation === 'UploadPart')).toHaveLength(4)
  })

  it('leaves no object and no parts when the upload is aborted', async () => {
    // Four parts are read ahead while the first is sent: the abort comes while the rest is unread.
    const file = await fileOf('big.bin', randomBytes(32 * MiB))
    const abort = new AbortController()
    const upload = store.putFile('aborted/model.tar.gz', file, {
      signal: abort.signal,
      onProgress: (done) => {
        if (done > 0) abort.abort()
      },
    })
    await expect(upload).rejects.toThrow(/aborted/i)
    expect(operations()).toContain('AbortMultipartUpload')
    expect(operations()).not.toContain('CompleteMultipartUpload')
    expect(await store.head('aborted/model.tar.gz')).toBeUndefined()
    expect(await server.pendingUploads()).toEqual([])
  })

  it('stores nothing when the file is not the one that was hashed', async () => {
    const file = await fileOf('big.bin', randomBytes(11 * MiB))
    const stale = 'b'.repeat(64)
    const upload = store.putFile('changed/model.tar.gz', file, { sha256: stale })
    await expect(upload).rejects.toBeInstanceOf(UserError)
    await expect(upload).rejects.toThrow(
      `changed while it was being uploaded: it was ${11 * MiB} bytes with sha256 ${stale}`,
    )
    expect(operations()).not.toContain('CompleteMultipartUpload')
    expect(await store.head('changed/model.tar.gz')).toBeUndefined()
    expect(await server.pendingUploads()).toEqual([])
  })

  it('lists objects under a prefix in key order, with sizes', async () => {
    const file = await fileOf('x.csv', Buffer.from('x\n'))
    for (const key of [
      'runs/iris/b.tar.gz',
      'runs/iris/a.tar.gz',
      'runs/wine/c.tar.gz',
      'runs/iris/B.tar.gz',
    ]) {
      await store.putFile(key, file)
    }
    expect(await store.list('runs/iris/')).toEqual([
      { key: 'runs/iris/B.tar.gz', size: 2 },
      { key: 'runs/iris/a.tar.gz', size: 2 },
      { key: 'runs/iris/b.tar.gz', size: 2 },
    ])
    expect((await store.list('runs/')).map((object) => object.key)).toHaveLength(4)
    expect(await store.list('nothing/')).toEqual([])
  })

  it('says which object is missing', async () => {
    expect(await store.head('missing.bin')).toBeUndefined()
    await expect(store.getFile('missing.bin', join(dir, 'missing.bin'))).rejects.toThrow(
      `${store.uri('missing.bin')}: no such object in the store`,
    )
    await expect(store.openRead('missing.bin')).rejects.toThrow(UserError)
  })

  it('explains a missing bucket and an endpoint that does not answer', async () => {
    const file = await fileOf('x.csv', Buffer.from('x\n'))
    const noBucket = openArtifactStore('s3://no-such-bucket/prefix/', { env: server.env })
    await expect(noBucket.putFile('x.csv', file)).rejects.toThrow(
      's3://no-such-bucket/prefix/x.csv: the bucket does not exist',
    )
    const closed = openArtifactStore('s3://some-bucket/', {
      env: { ...server.env, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1' },
    })
    await expect(closed.head('x.csv')).rejects.toThrow(
      's3://some-bucket/x.csv: cannot reach the S3 endpoint http://127.0.0.1:9 (ECONNREFUSED)',
    )
  })
})
