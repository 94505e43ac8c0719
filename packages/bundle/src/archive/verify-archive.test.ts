import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildManifest, serializeManifest } from '../manifest/manifest'
import { sha256Of, tempDir } from '../testing/archive-readers'
import { SAMPLE_MANIFEST_HEADER } from '../testing/sample-manifest-header'
import type { ArchiveEntry } from './archive-entry'
import { verifyArchive } from './verify-archive'
import { writeArchive } from './write-archive'

const BASE = SAMPLE_MANIFEST_HEADER

/** A bundle folder on disk (for GNU tar to pack) and its manifest. */
function bundleFolder(dir: string, files: Record<string, Uint8Array>): string {
  const folder = join(dir, 'bundle')
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true })
    writeFileSync(join(folder, path), bytes)
  }
  const manifest = buildManifest(
    BASE,
    Object.entries(files).map(([archivePath, bytes]) => ({
      archivePath,
      sha256: sha256Of(bytes),
      size: bytes.length,
    })),
  )
  writeFileSync(join(folder, 'manifest.json'), serializeManifest(manifest))
  return folder
}

/** Packs files (no directory entries) with GNU tar, as a tampering user or another tool would. */
function gnuTar(folder: string, out: string, paths: string[]): void {
  execFileSync('tar', ['-czf', out, '-C', folder, ...paths])
}

const FILES = {
  'code/inference.mjs': Buffer.from('export default { predict: (x) => x }\n'),
  'model.onnx': randomBytes(2048),
}

describe('verifyArchive', () => {
  it('returns every digest and the manifest of a sound bundle', async () => {
    const dir = tempDir()
    const folder = bundleFolder(dir, FILES)
    const out = join(dir, 'model.tar.gz')
    gnuTar(folder, out, ['code/inference.mjs', 'manifest.json', 'model.onnx'])
    const verified = await verifyArchive(out)
    expect(verified.files.map((file) => file.path)).toEqual([
      'code/inference.mjs',
      'manifest.json',
      'model.onnx',
    ])
    expect(verified.files[2]).toEqual({
      path: 'model.onnx',
      sha256: sha256Of(FILES['model.onnx']),
      size: 2048,
    })
    expect(verified.manifest?.name).toBe('iris')
  })

  it('names a file that changed after the manifest was made', async () => {
    const dir = tempDir()
    const folder = bundleFolder(dir, FILES)
    writeFileSync(join(folder, 'code/inference.mjs'), 'export default {}\n')
    const out = join(dir, 'model.tar.gz')
    gnuTar(folder, out, ['code/inference.mjs', 'manifest.json', 'model.onnx'])
    await expect(verifyArchive(out)).rejects.toThrow(/bundle is corrupt: code\/inference\.mjs has \d+ bytes/)
    writeFileSync(join(folder, 'code/inference.mjs'), 'export default { predict: (y) => y }\n')
    gnuTar(folder, out, ['code/inference.mjs', 'manifest.json', 'model.onnx'])
    await expect(verifyArchive(out)).rejects.toThrow(
      'model.tar.gz: bundle is corrupt: code/inference.mjs sha256 differs from the manifest',
    )
  })

  it('lists missing and extra files together', async () => {
    const dir = tempDir()
    const folder = bundleFolder(dir, FILES)
    writeFileSync(join(folder, 'extra.txt'), 'x')
    const out = join(dir, 'model.tar.gz')
    gnuTar(folder, out, ['extra.txt', 'manifest.json', 'model.onnx'])
    await expect(verifyArchive(out)).rejects.toThrow(
      'bundle is corrupt: code/inference.mjs is missing (listed in the manifest); extra.txt is not listed in the manifest',
    )
  })

  it('checks against an expected list when the archive has no manifest', async () => {
    const dir = tempDir()
    const folder = bundleFolder(dir, FILES)
    const out = join(dir, 'model.tar.gz')
    gnuTar(folder, out, ['model.onnx'])
    const expected = [{ path: 'model.onnx', sha256: sha256Of(FILES['model.onnx']), size: 2048 }]
    expect((await verifyArchive(out, expected)).manifest).toBeUndefined()
    await expect(verifyArchive(out, [...expected, { path: 'a', sha256: 'x', size: 1 }])).rejects.toThrow(
      'a is missing (listed in the expected file list)',
    )
  })

  it('names the entry whose compressed data has a flipped byte', async () => {
    const dir = tempDir()
    const out = join(dir, 'model.tar.gz')
    // Random data is stored (deflate level 0), so its bytes sit as they are in the member. The file is
    // larger than gunzip's output piece, so the tar layer has seen the entry when the CRC check fails.
    const weights = randomBytes(1024 * 1024)
    const entries: ArchiveEntry[] = [
      { archivePath: 'code/inference.mjs', mode: 0o644, source: { data: FILES['code/inference.mjs'] } },
      { archivePath: 'model.onnx', mode: 0o644, source: { data: weights } },
    ]
    await writeArchive(entries, out)
    const bytes = readFileSync(out)
    const at = bytes.indexOf(weights.subarray(500_000, 500_032))
    expect(at).toBeGreaterThan(0)
    bytes[at + 5] = (bytes[at + 5] ?? 0) ^ 0x01
    writeFileSync(out, bytes)
    await expect(verifyArchive(out)).rejects.toThrow(
      /model\.tar\.gz: bundle is corrupt: incorrect data check \(detected while reading model\.onnx\)/,
    )
  })

  it('refuses links inside the archive', async () => {
    const dir = tempDir()
    const folder = bundleFolder(dir, FILES)
    symlinkSync('/etc/passwd', join(folder, 'link'))
    const out = join(dir, 'model.tar.gz')
    gnuTar(folder, out, ['code', 'link', 'manifest.json', 'model.onnx'])
    await expect(verifyArchive(out)).rejects.toThrow(
      'link is a SymbolicLink entry, but bundles hold regular files only',
    )
  })

  it('reads an archive repacked with `tar -C dir .` (./ prefixes, directory entries) as SageMaker does', async () => {
    const dir = tempDir()
    const folder = bundleFolder(dir, FILES)
    const out = join(dir, 'model.tar.gz')
    gnuTar(folder, out, ['.'])
    const verified = await verifyArchive(out)
    expect(verified.files.map((f) => f.path).sort()).toEqual([
      'code/inference.mjs',
      'manifest.json',
      'model.onnx',
    ])
  })

  it('says what is wrong with a file that is no archive, or no file at all', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'model.tar.gz'), 'not a tarball at all, just some text that is long enough')
    await expect(verifyArchive(join(dir, 'model.tar.gz'))).rejects.toThrow(
      /model\.tar\.gz: bundle is corrupt/,
    )
    await expect(verifyArchive(join(dir, 'missing.tar.gz'))).rejects.toThrow(
      /missing\.tar\.gz: no such archive/,
    )
  })
})
