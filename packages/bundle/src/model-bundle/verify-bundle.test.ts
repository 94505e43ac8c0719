import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { buildManifest, serializeManifest } from '../manifest/manifest'
import { sha256Of, tempDir } from '../testing/archive-readers'
import { writeGzipBomb } from '../testing/gzip-bomb'
import { SAMPLE_MANIFEST_HEADER } from '../testing/sample-manifest-header'
import { verifyBundle } from './verify-bundle'

const FILES: Record<string, Buffer> = {
  'config.json': Buffer.from('{}\n'),
  'model.onnx': Buffer.from('weights'),
}

/** Packs FILES with GNU tar, with a manifest made from `manifest` overrides, or none. */
function bundle(dir: string, manifest: Record<string, unknown> | 'none'): string {
  const folder = join(dir, 'bundle')
  mkdirSync(folder, { recursive: true })
  for (const [path, bytes] of Object.entries(FILES)) writeFileSync(join(folder, path), bytes)
  if (manifest !== 'none') {
    const built = buildManifest(
      {
        ...SAMPLE_MANIFEST_HEADER,
      },
      Object.entries(FILES).map(([archivePath, bytes]) => ({
        archivePath,
        sha256: sha256Of(bytes),
        size: bytes.length,
      })),
    )
    writeFileSync(join(folder, 'manifest.json'), serializeManifest({ ...built, ...manifest }))
  }
  const out = join(dir, 'model.tar.gz')
  execFileSync('tar', ['-czf', out, '-C', folder, '.'])
  return out
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`)
  return error.problem
}

describe('verifyBundle', () => {
  it('returns the parsed manifest of a bundle that serve would take', async () => {
    const verified = await verifyBundle(bundle(tempDir(), {}))
    expect(verified.manifest.name).toBe('iris')
    expect(verified.files.map((f) => f.path).sort()).toEqual(['config.json', 'manifest.json', 'model.onnx'])
  })

  it('refuses an archive without manifest.json, and one whose entry points outside the bundle', async () => {
    expect(await problemOf(verifyBundle(bundle(tempDir(), 'none')))).toBe('has no manifest.json')
    expect(await problemOf(verifyBundle(bundle(tempDir(), { entry: '../../etc/evil.mjs' })))).toMatch(
      /^the bundle cannot be served: its 'entry' "\.\.\/\.\.\/etc\/evil\.mjs" points outside the bundle/,
    )
  })

  it('stops at the header of a file larger than its manifest says, without inflating it', async () => {
    const dir = tempDir()
    const archive = join(dir, 'bomb.tar.gz')
    await writeGzipBomb(archive, { size: 1024 * 1024 * 1024, listedSize: 1024 })
    const begun = performance.now()
    expect(await problemOf(verifyBundle(archive))).toBe(
      'bundle is corrupt: model.onnx holds 1073741824 bytes, the manifest says 1024; stopped reading there',
    )
    expect(performance.now() - begun).toBeLessThan(1_000)
  })
})
