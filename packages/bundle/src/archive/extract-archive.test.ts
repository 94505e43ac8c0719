import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { python, sha256Of, tempDir, treeDigests } from '../testing/archive-readers'
import { writeGzipBomb } from '../testing/gzip-bomb'
import type { ArchiveEntry } from './archive-entry'
import { extractArchive } from './extract-archive'
import { verifyArchive } from './verify-archive'
import { writeArchive } from './write-archive'

const ENTRIES: ArchiveEntry[] = [
  { archivePath: 'code/inference.mjs', mode: 0o644, source: { data: Buffer.from('export default {}\n') } },
  { archivePath: 'code/bin/start', mode: 0o755, source: { data: Buffer.from('#!/bin/sh\n') } },
  { archivePath: 'model.onnx', mode: 0o644, source: { data: Buffer.alloc(3000, 7) } },
]

describe('extractArchive', () => {
  it('unpacks every file with its mode into a new folder', async () => {
    const dir = tempDir()
    const archive = join(dir, 'model.tar.gz')
    await writeArchive(ENTRIES, archive)
    await extractArchive(archive, join(dir, 'opt-ml-model'))
    const expected = ENTRIES.map((entry) => {
      const data = 'data' in entry.source ? entry.source.data : new Uint8Array()
      return `${entry.archivePath} ${sha256Of(data)} ${entry.mode.toString(8)}`
    }).sort()
    expect(treeDigests(join(dir, 'opt-ml-model'))).toEqual(expected)
    // An existing empty folder is fine too.
    mkdirSync(join(dir, 'empty'))
    await extractArchive(archive, join(dir, 'empty'))
    expect(readdirSync(join(dir, 'empty')).sort()).toEqual(['code', 'model.onnx'])
  })

  it('refuses a folder that already holds files', async () => {
    const dir = tempDir()
    const archive = join(dir, 'model.tar.gz')
    await writeArchive(ENTRIES, archive)
    mkdirSync(join(dir, 'target'))
    writeFileSync(join(dir, 'target', 'old.txt'), '')
    await expect(extractArchive(archive, join(dir, 'target'))).rejects.toThrow(/target: is not empty/)
  })

  it('refuses links and paths outside the folder, leaving nothing behind', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'src'))
    writeFileSync(join(dir, 'src', 'ok.txt'), 'ok')
    symlinkSync('/etc/passwd', join(dir, 'src', 'link'))
    const withLink = join(dir, 'link.tar.gz')
    execFileSync('tar', ['-czf', withLink, '-C', join(dir, 'src'), 'ok.txt', 'link'])
    await expect(extractArchive(withLink, join(dir, 'out'))).rejects.toThrow(
      /"link": a SymbolicLink entry, but bundles hold regular files only/,
    )

    const climbing = join(dir, 'climb.tar.gz')
    python(
      `import io, sys, tarfile
with tarfile.open(sys.argv[1], 'w:gz') as tar:
    info = tarfile.TarInfo('../evil.txt'); info.size = 4
    tar.addfile(info, io.BytesIO(b'evil'))`,
      climbing,
    )
    await expect(extractArchive(climbing, join(dir, 'out'))).rejects.toThrow(
      /"\.\.\/evil\.txt": the path contains `\.\.`/,
    )
    expect(readdirSync(dir).sort()).toEqual(['climb.tar.gz', 'link.tar.gz', 'src'])
  })

  it('streams a 256 MiB file to disk as it inflates: memory stays flat', async () => {
    const dir = tempDir()
    const archive = join(dir, 'bomb.tar.gz')
    const size = 256 * MiB
    await writeGzipBomb(archive, { size })
    const { files } = await verifyArchive(archive)
    const peak = await peakRssGrowth(() =>
      extractArchive(archive, join(dir, 'model'), {
        expected: files.filter((f) => f.path !== 'manifest.json'),
      }),
    )
    expect(statSync(join(dir, 'model', 'model.onnx')).size).toBe(size)
    expect(peak / MiB, `RSS grew by ${Math.round(peak / MiB)} MiB`).toBeLessThan(64)
  }, 60_000)

  it('stops at a file larger than its manifest says, before writing it, and leaves nothing behind', async () => {
    const dir = tempDir()
    const archive = join(dir, 'bomb.tar.gz')
    const archiveSize = await writeGzipBomb(archive, { size: 1024 * MiB, listedSize: 1024 })
    expect(archiveSize).toBeLessThan(2 * MiB)
    const expected = [
      { path: 'config.json', sha256: sha256Of(Buffer.from('{}\n')), size: 3 },
      { path: 'model.onnx', sha256: '0'.repeat(64), size: 1024 },
    ]
    const begun = performance.now()
    let error: unknown
    const peak = await peakRssGrowth(async () => {
      error = await extractArchive(archive, join(dir, 'model'), { expected }).catch(
        (thrown: unknown) => thrown,
      )
    })
    expect(isUserError(error), String(error)).toBe(true)
    expect((error as Error).message).toContain('model.onnx holds 1073741824 bytes, the manifest says 1024')
    expect(performance.now() - begun).toBeLessThan(2_000)
    expect(peak / MiB, `RSS grew by ${Math.round(peak / MiB)} MiB`).toBeLessThan(64)
    expect(readdirSync(dir)).toEqual(['bomb.tar.gz'])
  }, 60_000)

  it('stops at a file the manifest does not list, and at one whose digest differs', async () => {
    const dir = tempDir()
    const archive = join(dir, 'model.tar.gz')
    await writeArchive(ENTRIES, archive)
    const listed = ENTRIES.map((entry) => {
      const data = 'data' in entry.source ? entry.source.data : new Uint8Array()
      return { path: entry.archivePath, sha256: sha256Of(data), size: data.byteLength }
    })
    await expect(
      extractArchive(archive, join(dir, 'a'), {
        expected: listed.filter((f) => f.path !== 'code/bin/start'),
      }),
    ).rejects.toThrow(/code\/bin\/start is not listed in the manifest/)
    const tampered = listed.map((f) => (f.path === 'model.onnx' ? { ...f, sha256: '0'.repeat(64) } : f))
    await expect(extractArchive(archive, join(dir, 'b'), { expected: tampered })).rejects.toThrow(
      /model\.onnx sha256 differs from the manifest/,
    )
    const missing = [...listed, { path: 'weights.bin', sha256: '0'.repeat(64), size: 5 }]
    await expect(extractArchive(archive, join(dir, 'c'), { expected: missing })).rejects.toThrow(
      /weights\.bin is missing \(listed in the manifest\)/,
    )
    expect(readdirSync(dir)).toEqual(['model.tar.gz'])
  })
})

const MiB = 1024 * 1024

/** Runs `work` and returns by how much the resident set grew at its peak, sampled every 5 ms. */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  const baseline = process.memoryUsage.rss()
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 5)
  try {
    await work()
  } finally {
    clearInterval(sampler)
  }
  return Math.max(peak, process.memoryUsage.rss()) - baseline
}
