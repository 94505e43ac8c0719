import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { python, sha256Of, tempDir, treeDigests } from '../testing/archive-readers'
import type { ArchiveEntry } from './archive-entry'
import { extractArchive } from './extract-archive'
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
})
