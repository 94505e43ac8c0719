import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256OfFile } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import type { BundleManifest } from '../manifest/bundle-manifest'
import { bundleCacheFile, bundleCacheKey, cachedBundle, recordBundle } from './bundle-cache'

const entry = { archivePath: 'model.onnx', mode: 0o644, sha256: 'a'.repeat(64), size: 10 }
const manifest = { name: 'iris' } as unknown as BundleManifest

describe('bundle cache', () => {
  it('keys on every entry field and not on their order', () => {
    const code = { archivePath: 'code/inference.mjs', mode: 0o644, sha256: 'b'.repeat(64), size: 3 }
    const key = bundleCacheKey([entry, code])
    expect(bundleCacheKey([code, entry])).toBe(key)
    expect(bundleCacheKey([{ ...entry, sha256: 'c'.repeat(64) }, code])).not.toBe(key)
    expect(bundleCacheKey([{ ...entry, mode: 0o755 }, code])).not.toBe(key)
    expect(bundleCacheKey([{ ...entry, archivePath: 'weights.onnx' }, code])).not.toBe(key)
    expect(bundleCacheKey([entry])).not.toBe(key)
  })

  it('hits only for the same key and the same bytes on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagepack-cache-'))
    const out = join(dir, 'model.tar.gz')
    const key = bundleCacheKey([entry])
    expect(await cachedBundle(out, key)).toBeUndefined()
    writeFileSync(out, 'bundle bytes')
    const written = { sha256: await sha256OfFile(out), size: 12, manifest }
    await recordBundle(out, key, written)
    expect(bundleCacheFile(out)).toBe(join(dir, '.model.tar.gz.cache.json'))

    expect(await cachedBundle(out, key)).toEqual(written)
    expect(await cachedBundle(out, bundleCacheKey([{ ...entry, size: 11 }]))).toBeUndefined()
    writeFileSync(out, 'other bytes!')
    expect(await cachedBundle(out, key)).toBeUndefined()
  })

  it('treats an unreadable record as a miss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagepack-cache-'))
    const out = join(dir, 'model.tar.gz')
    writeFileSync(out, 'bundle bytes')
    writeFileSync(bundleCacheFile(out), '{ not json')
    expect(await cachedBundle(out, bundleCacheKey([entry]))).toBeUndefined()
  })
})
