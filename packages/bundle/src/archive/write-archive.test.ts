import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  extractWith,
  gnuTarListing,
  gzipMembers,
  pythonMembers,
  type Reader,
  sha256Of,
  tempDir,
  treeDigests,
} from '../testing/archive-readers'
import type { ArchiveEntry } from './archive-entry'
import type { PhaseTiming } from './phase-timing'
import { listArchive } from './read-archive'
import { writeArchive } from './write-archive'

const CHUNK = 64 * 1024
const LONG_PATH = `code/${'nested-folder/'.repeat(8)}inference-handler.mjs`

/** A small bundle-like set of entries: text, random (incompressible) data over several chunks, edge cases. */
function sampleEntries(dir: string): ArchiveEntry[] {
  const weights = join(dir, 'model.onnx')
  writeFileSync(weights, Buffer.concat([randomBytes(5 * CHUNK + 123), Buffer.from('tail'.repeat(9000))]))
  const script = join(dir, 'run.sh')
  writeFileSync(script, '#!/bin/sh\necho hi\n')
  return [
    { archivePath: 'model.onnx', mode: 0o644, source: { path: weights, size: statSync(weights).size } },
    { archivePath: 'config.json', mode: 0o644, source: { data: Buffer.from('{"seed": 7}\n'.repeat(3000)) } },
    { archivePath: 'code/run.sh', mode: 0o755, source: { path: script, size: statSync(script).size } },
    { archivePath: LONG_PATH, mode: 0o644, source: { data: Buffer.from('export default {}\n') } },
    { archivePath: 'empty.txt', mode: 0o644, source: { data: new Uint8Array(0) } },
    { archivePath: 'données/é.txt', mode: 0o644, source: { data: Buffer.from('accents\n') } },
  ]
}

describe('writeArchive', () => {
  it('writes sorted entries with uid/gid 0, mtime 0 and normalized modes, as Python and GNU tar read them', async () => {
    const dir = tempDir()
    const out = join(dir, 'model.tar.gz')
    const written = await writeArchive(sampleEntries(dir), out, { chunkSize: CHUNK })

    const members = pythonMembers(out)
    expect(members.map((m) => m.name)).toEqual([
      LONG_PATH,
      'code/run.sh',
      'config.json',
      'données/é.txt',
      'empty.txt',
      'model.onnx',
    ])
    for (const member of members) {
      expect(member).toMatchObject({ uid: 0, gid: 0, uname: '', gname: '', mtime: 0, type: '0' })
      expect(member.mode).toBe(member.name === 'code/run.sh' ? 0o755 : 0o644)
    }
    expect(members.find((m) => m.name === 'empty.txt')?.size).toBe(0)

    const listing = gnuTarListing(out)
    expect(listing).toContain('-rwxr-xr-x 0/0              18 1970-01-01 00:00 code/run.sh')
    expect(listing).toContain(LONG_PATH)
    expect(listing).not.toMatch(/PaxHeader/)

    const bytes = readFileSync(out)
    expect(written).toEqual({ sha256: sha256Of(bytes), size: bytes.length })
  })

  it('writes several gzip members without time or OS, which gzip -t accepts', async () => {
    const dir = tempDir()
    const out = join(dir, 'model.tar.gz')
    await writeArchive(sampleEntries(dir), out, { chunkSize: CHUNK })
    execFileSync('gzip', ['-t', out])
    const members = gzipMembers(out)
    expect(members.length).toBeGreaterThan(5)
    for (const member of members) expect(member).toMatchObject({ mtime: 0, xfl: 0, os: 255 })
    // Random weights are stored (5 bytes per 64 KiB block plus header and trailer), text is compressed.
    const stored = members.filter(
      (member) => member.compressed === member.inflated + 5 * Math.ceil(member.inflated / 65535) + 18,
    )
    expect(stored.length).toBeGreaterThanOrEqual(5)
    expect(members.some((member) => member.compressed < member.inflated / 5)).toBe(true)
    expect(statSync(out).size).toBeLessThan(5 * CHUNK + 123 + 20_000)
  })

  it.each<Reader>(['gnu-tar', 'python', 'node-tar'])('extracts to the same files with %s', async (reader) => {
    const dir = tempDir()
    const entries = sampleEntries(dir)
    const out = join(dir, 'model.tar.gz')
    await writeArchive(entries, out, { chunkSize: CHUNK })
    await extractWith(reader, out, join(dir, 'x'))
    const expected = entries
      .map((entry) => {
        const bytes = 'data' in entry.source ? entry.source.data : readFileSync(entry.source.path)
        return `${entry.archivePath} ${sha256Of(bytes)} ${entry.mode.toString(8)}`
      })
      .sort()
    expect(treeDigests(join(dir, 'x'))).toEqual(expected)
  })

  it('writes byte-identical archives for the same entries, whatever the order and concurrency', async () => {
    const dir = tempDir()
    const entries = sampleEntries(dir)
    const first = join(dir, 'a.tar.gz')
    const second = join(dir, 'b.tar.gz')
    const a = await writeArchive(entries, first, { chunkSize: CHUNK, concurrency: 1 })
    const b = await writeArchive([...entries].reverse(), second, { chunkSize: CHUNK, concurrency: 8 })
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true)
    expect(a).toEqual(b)
  })

  it('writes byte-identical Huffman-coded weights with one worker or several, and as gzip -6 would size them', async () => {
    const dir = tempDir()
    // Float32 weights like a trained layer's: the chunks the bundle's own Huffman encoder codes.
    const floats = new Float32Array((12 * CHUNK) / 4).map(
      (_, i) => Math.sin(i * 12.9898) * Math.cos(i) * 0.05,
    )
    const weights = join(dir, 'weights.bin')
    writeFileSync(weights, floats)
    const entries: ArchiveEntry[] = [
      { archivePath: 'weights.bin', mode: 0o644, source: { path: weights, size: floats.byteLength } },
    ]
    const one = await writeArchive(entries, join(dir, 'one.tar.gz'), { chunkSize: CHUNK, concurrency: 1 })
    const three = await writeArchive(entries, join(dir, 'three.tar.gz'), { chunkSize: CHUNK, concurrency: 3 })
    expect(readFileSync(join(dir, 'one.tar.gz')).equals(readFileSync(join(dir, 'three.tar.gz')))).toBe(true)
    expect(one).toEqual(three)
    const members = gzipMembers(join(dir, 'one.tar.gz'))
    const huffman = members.filter(
      (m) => m.compressed > 0.85 * m.inflated && m.compressed < 0.985 * m.inflated,
    )
    expect(huffman.length).toBeGreaterThanOrEqual(12)
    const gzipped = execFileSync('gzip', ['-6', '-c', weights], { maxBuffer: 64 * 1024 * 1024 })
    expect(one.size).toBeLessThanOrEqual(gzipped.length * 1.01)
  })

  it('reports progress up to the size of the tar stream', async () => {
    const dir = tempDir()
    const calls: Array<[number, number]> = []
    await writeArchive(sampleEntries(dir), join(dir, 'model.tar.gz'), {
      chunkSize: CHUNK,
      onProgress: (done, total) => calls.push([done, total]),
    })
    const total = calls[0]?.[1] ?? 0
    expect(calls[0]).toEqual([0, total])
    expect(calls.at(-1)).toEqual([total, total])
    expect(calls.every(([done], i) => i === 0 || done > (calls[i - 1]?.[0] ?? 0))).toBe(true)
    expect(total % 512).toBe(0)
  })

  it('reports each phase once, those that ran alongside another with its name and inside its time', async () => {
    const dir = tempDir()
    const phases: PhaseTiming[] = []
    await writeArchive(sampleEntries(dir), join(dir, 'model.tar.gz'), {
      chunkSize: CHUNK,
      onPhase: (timing) => phases.push(timing),
    })
    expect(phases.map((p) => [p.phase, p.during, p.cpuSeconds === undefined])).toEqual([
      ['compress', undefined, false],
      ['tar', 'compress', true],
      ['write', 'compress', true],
      ['read back and verify', undefined, false],
      ['sync', 'read back and verify', true],
    ])
    for (const phase of phases) expect(phase.wallSeconds).toBeGreaterThan(0)
    const [compress, tar] = phases
    // The tar stream's waits are one after another on the calling thread, all within the compress phase.
    expect(tar?.wallSeconds).toBeLessThanOrEqual(compress?.wallSeconds ?? 0)
  })

  it('reads zero-filled tensors back despite their extreme compression ratio', async () => {
    const dir = tempDir()
    const out = join(dir, 'model.tar.gz')
    const zeros = { data: new Uint8Array(4 * 1024 * 1024) }
    await writeArchive([{ archivePath: 'bias.bin', mode: 0o644, source: zeros }], out)
    expect(await listArchive(out)).toEqual([
      { path: 'bias.bin', size: 4 * 1024 * 1024, mode: 0o644, type: 'File' },
    ])
  })

  describe('when it fails', () => {
    function leftovers(dir: string): string[] {
      return readdirSync(dir).filter((name) => name.includes('.tar.gz'))
    }

    it('leaves neither the archive nor a temp file when a source is missing', async () => {
      const dir = tempDir()
      const entries: ArchiveEntry[] = [
        { archivePath: 'a.txt', mode: 0o644, source: { data: Buffer.from('a') } },
        { archivePath: 'b.bin', mode: 0o644, source: { path: join(dir, 'missing.bin'), size: 10 } },
      ]
      await expect(writeArchive(entries, join(dir, 'model.tar.gz'))).rejects.toThrow(/missing\.bin/)
      expect(leftovers(dir)).toEqual([])
    })

    it('keeps the previous archive when the new one fails its check', async () => {
      const dir = tempDir()
      const out = join(dir, 'model.tar.gz')
      writeFileSync(out, 'previous bundle')
      const staleManifest = JSON.stringify({ files: [{ path: 'a.txt', sha256: '0'.repeat(64), size: 1 }] })
      const entries: ArchiveEntry[] = [
        { archivePath: 'a.txt', mode: 0o644, source: { data: Buffer.from('a') } },
        { archivePath: 'manifest.json', mode: 0o644, source: { data: Buffer.from(staleManifest) } },
      ]
      await expect(writeArchive(entries, out)).rejects.toThrow(
        /model\.tar\.gz: the new archive failed its check and was not saved: bundle is corrupt: a\.txt sha256 differs from the manifest/,
      )
      expect(readFileSync(out, 'utf8')).toBe('previous bundle')
      expect(leftovers(dir)).toEqual(['model.tar.gz'])
    })

    it('refuses a file whose size changed since it was listed', async () => {
      const dir = tempDir()
      const file = join(dir, 'weights.bin')
      writeFileSync(file, 'grown since listing')
      const entries: ArchiveEntry[] = [
        { archivePath: 'weights.bin', mode: 0o644, source: { path: file, size: 5 } },
      ]
      await expect(writeArchive(entries, join(dir, 'model.tar.gz'))).rejects.toThrow(
        /changed while it was being bundled as weights\.bin/,
      )
      expect(leftovers(dir)).toEqual([])
    })

    it.each([
      ['../escape.txt', /contains `\.\.`/],
      ['/etc/passwd', /absolute/],
      ['a//b', /empty or `\.` segment/],
    ])('refuses the archive path %s', async (archivePath, message) => {
      const dir = tempDir()
      const entries: ArchiveEntry[] = [{ archivePath, mode: 0o644, source: { data: Buffer.from('x') } }]
      await expect(writeArchive(entries, join(dir, 'model.tar.gz'))).rejects.toThrow(message)
      expect(leftovers(dir)).toEqual([])
    })

    it('refuses an archive of no files', async () => {
      const dir = tempDir()
      await expect(writeArchive([], join(dir, 'model.tar.gz'))).rejects.toThrow(
        /model\.tar\.gz: no files to archive/,
      )
      expect(leftovers(dir)).toEqual([])
    })

    it('refuses two entries with the same path', async () => {
      const dir = tempDir()
      const entry: ArchiveEntry = { archivePath: 'a.txt', mode: 0o644, source: { data: Buffer.from('x') } }
      await expect(writeArchive([entry, entry], join(dir, 'model.tar.gz'))).rejects.toThrow(
        /a\.txt: two files would be stored under this path/,
      )
    })
  })
})
