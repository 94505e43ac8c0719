import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { text } from 'node:stream/consumers'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import type { ArtifactStore } from './artifact-store'
import { putContentAddressed } from './content-addressed'
import { sha256OfFile } from './file-digest'
import { openArtifactStore } from './open-artifact-store'

let dir: string
let storeDir: string
let store: ArtifactStore
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-file-store-'))
  storeDir = join(dir, 'store')
  store = openArtifactStore(pathToFileURL(storeDir).href)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function fileOf(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

describe('the file:// artifact store', () => {
  it('has a root URI ending in / and gives each key a URI under it', () => {
    expect(store.root).toBe(`${pathToFileURL(storeDir).href}/`)
    expect(store.uri('runs/iris/a b.tar.gz')).toBe(`${store.root}runs/iris/a%20b.tar.gz`)
  })

  it('puts a file with its digest recorded beside it, and gets it back checked', async () => {
    const bytes = randomBytes(300 * 1024)
    const file = await fileOf('model.tar.gz', bytes)
    const sha256 = await sha256OfFile(file)
    const progress: number[] = []
    const stored = await store.putFile('iris/model.tar.gz', file, {
      onProgress: (done) => progress.push(done),
    })
    expect(stored).toEqual({ key: 'iris/model.tar.gz', size: bytes.length, sha256 })
    expect(progress.at(-1)).toBe(bytes.length)
    expect(await readdir(join(storeDir, 'iris'))).toEqual(['.model.tar.gz.sha256', 'model.tar.gz'])
    expect(await store.head('iris/model.tar.gz')).toEqual(stored)

    const copy = join(dir, 'out', 'copy.tar.gz')
    expect(await store.getFile('iris/model.tar.gz', copy)).toEqual(stored)
    expect((await readFile(copy)).equals(bytes)).toBe(true)
    expect(await text(await store.openRead('iris/model.tar.gz'))).toBe(bytes.toString())
  })

  it('refuses a download whose bytes no longer match the recorded digest, and writes nothing', async () => {
    const file = await fileOf('model.tar.gz', 'original bytes')
    const { sha256 } = await store.putFile('iris/model.tar.gz', file)
    await writeFile(join(storeDir, 'iris', 'model.tar.gz'), 'damaged bytes!')
    const target = join(dir, 'out', 'model.tar.gz')
    const download = store.getFile('iris/model.tar.gz', target)
    await expect(download).rejects.toBeInstanceOf(UserError)
    await expect(download).rejects.toThrow(
      new RegExp(
        `^${store.uri('iris/model.tar.gz')}: its bytes do not match .*: expected ${sha256}, got [0-9a-f]{64}`,
      ),
    )
    expect(await readdir(join(dir, 'out'))).toEqual([])
  })

  it('skips a content-addressed put whose key already holds the bytes', async () => {
    const file = await fileOf('model.tar.gz', randomBytes(1000))
    const first = await putContentAddressed(store, 'iris', file)
    expect(first.skipped).toBe(false)
    expect(first.key).toBe(`iris/${first.sha256}/model.tar.gz`)
    const second = await putContentAddressed(store, 'iris', file)
    expect(second).toEqual({ ...first, skipped: true })
  })

  it('replaces an object whose recorded digest is missing, rather than trusting it', async () => {
    const file = await fileOf('model.tar.gz', randomBytes(1000))
    const first = await putContentAddressed(store, 'iris', file)
    await rm(join(storeDir, 'iris', first.sha256, '.model.tar.gz.sha256'))
    expect((await putContentAddressed(store, 'iris', file)).skipped).toBe(false)
    expect((await store.head(first.key))?.sha256).toBe(first.sha256)
  })

  it('leaves the old object and no temp file when the file changed after it was hashed', async () => {
    const old = await fileOf('old.bin', 'old')
    await store.putFile('a/x.bin', old)
    const file = await fileOf('new.bin', 'new bytes')
    await expect(store.putFile('a/x.bin', file, { sha256: 'c'.repeat(64) })).rejects.toThrow(
      `${file}: changed while it was being uploaded`,
    )
    expect(await readdir(join(storeDir, 'a'))).toEqual(['x.bin'])
    expect(await readFile(join(storeDir, 'a', 'x.bin'), 'utf8')).toBe('old')
    // The old digest was dropped first: the object is kept, unverified, and replaced by the next put.
    expect(await store.head('a/x.bin')).toEqual({ key: 'a/x.bin', size: 3 })
  })

  it('stops an aborted put, leaving nothing', async () => {
    const file = await fileOf('big.bin', randomBytes(8 * 1024 * 1024))
    const abort = new AbortController()
    abort.abort()
    await expect(store.putFile('a/big.bin', file, { signal: abort.signal })).rejects.toThrow(/abort/i)
    const late = new AbortController()
    const upload = store.putFile('a/big.bin', file, {
      signal: late.signal,
      onProgress: (done) => {
        if (done > 0) late.abort()
      },
    })
    await expect(upload).rejects.toThrow(/abort/i)
    expect(await readdir(join(storeDir, 'a')).catch(() => [])).toEqual([])
  })

  it('lists objects under a prefix in key order, leaving out its own hidden files', async () => {
    const file = await fileOf('x', 'x')
    for (const key of [
      'runs/iris/b.tar.gz',
      'runs/iris/a.tar.gz',
      'runs/wine/c.tar.gz',
      'runs/iris-2/d.tar.gz',
    ]) {
      await store.putFile(key, file)
    }
    expect(await store.list('runs/iris/')).toEqual([
      { key: 'runs/iris/a.tar.gz', size: 1 },
      { key: 'runs/iris/b.tar.gz', size: 1 },
    ])
    expect((await store.list('runs/iris')).map((object) => object.key)).toEqual([
      'runs/iris-2/d.tar.gz',
      'runs/iris/a.tar.gz',
      'runs/iris/b.tar.gz',
    ])
    expect(await store.list('runs/nothing/')).toEqual([])
    expect(await openArtifactStore(join(dir, 'missing')).list('')).toEqual([])
  })

  it('refuses keys that would leave the folder or collide with its hidden files', async () => {
    const file = await fileOf('x', 'x')
    for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a//b', 'a\\b', '.a', 'a/.x.sha256', '']) {
      await expect(store.putFile(key, file), key).rejects.toThrow(UserError)
    }
    await expect(store.head('../x')).rejects.toThrow(`key "../x" in ${store.root}: cannot name an object`)
    expect(await readdir(dir)).toEqual(['x'])
  })

  it('says which object is missing', async () => {
    expect(await store.head('missing.bin')).toBeUndefined()
    await expect(store.getFile('missing.bin', join(dir, 'm'))).rejects.toThrow(
      `${store.uri('missing.bin')}: no such object in the store`,
    )
    await expect(store.openRead('missing.bin')).rejects.toThrow(UserError)
    await expect(store.putFile('a.bin', join(dir, 'nope'))).rejects.toThrow(
      `${join(dir, 'nope')}: no such file`,
    )
  })
})
