import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { create } from 'tar'
import { describe, expect, it } from 'vitest'
import { python, tempDir } from '@sagepack/bundle/testing'
import { extractRun } from './extract-run'
import { packRun } from './pack-run'
import { writeRunFolder } from '../testing/run-folder'

describe('extractRun', () => {
  it('never writes into an existing folder', async () => {
    const root = tempDir()
    const runDir = await writeRunFolder(join(root, 'runs'), 'iris', 'r1')
    const archive = join(root, 'r1.tar.gz')
    await packRun(runDir, archive)
    const extracting = extractRun(archive, runDir, 'test://r1.tar.gz')
    await expect(extracting).rejects.toBeInstanceOf(UserError)
    await expect(extracting).rejects.toThrow(`${runDir}: already exists, and runs are never overwritten`)
  })

  it('refuses entries that would land outside the run folder, leaving nothing', async () => {
    const root = tempDir()
    const archive = join(root, 'evil.tar.gz')
    // Python's tarfile writes what node-tar would refuse to: a `..` path and a symlink.
    python(
      `import io, sys, tarfile
with tarfile.open(sys.argv[1], 'w:gz') as tar:
    for name, data in [('run.json', b'{}'), ('../escaped.txt', b'x')]:
        info = tarfile.TarInfo(name); info.size = len(data); tar.addfile(info, io.BytesIO(data))
    link = tarfile.TarInfo('model/link'); link.type = tarfile.SYMTYPE; link.linkname = '/etc/passwd'
    tar.addfile(link)`,
      archive,
    )
    const target = join(root, 'runs', 'iris', 'r1')
    const extracting = extractRun(archive, target, 'test://evil.tar.gz')
    await expect(extracting).rejects.toThrow(
      'test://evil.tar.gz: holds entries that cannot be extracted safely: "../escaped.txt": the path contains `..`',
    )
    await expect(extracting).rejects.toThrow(
      '"model/link": a SymbolicLink entry, but run archives hold files and folders only',
    )
    expect(await readdir(root)).toEqual(['evil.tar.gz', 'runs'])
    expect(await readdir(join(root, 'runs', 'iris'))).toEqual([])
  })

  it('refuses an archive without run.json, and a damaged one', async () => {
    const root = tempDir()
    await mkdir(join(root, 'src'))
    await writeFile(join(root, 'src', 'notes.txt'), 'not a run')
    const archive = join(root, 'notes.tar.gz')
    await create({ file: archive, cwd: join(root, 'src'), gzip: true }, ['notes.txt'])
    await expect(extractRun(archive, join(root, 'runs', 'r1'), 'test://notes.tar.gz')).rejects.toThrow(
      'test://notes.tar.gz: holds no run.json at its top level, so it is not a run archive',
    )
    await writeFile(join(root, 'damaged.tar.gz'), 'this is not gzip')
    await expect(
      extractRun(join(root, 'damaged.tar.gz'), join(root, 'runs', 'r2'), 'test://damaged'),
    ).rejects.toThrow(/^test:\/\/damaged: cannot be unpacked/)
    expect(await readdir(join(root, 'runs'))).toEqual([])
  })
})
