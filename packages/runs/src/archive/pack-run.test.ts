import { execFileSync } from 'node:child_process'
import { mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { tempDir } from '@sagepack/bundle/testing'
import { extractRun } from './extract-run'
import { packRun } from './pack-run'
import { treeListing, writeRunFolder } from '../testing/run-folder'

describe('packRun', () => {
  it('packs every file and folder, and unpacks to the same tree', async () => {
    const root = tempDir()
    const runDir = await writeRunFolder(join(root, 'runs'), 'iris', 'r1')
    const archive = join(root, 'r1.tar.gz')
    expect(await packRun(runDir, archive)).toBe(19)
    const target = join(root, 'pulled', 'iris', 'r1')
    await extractRun(archive, target, 'test://r1.tar.gz')
    expect(await treeListing(target)).toEqual(await treeListing(runDir))
    expect(await treeListing(target)).toContain('folder output/data 755')
    // GNU tar reads it as people would, entries relative to the run folder.
    const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n')
    expect(listed.slice(0, 4)).toEqual([
      'checkpoints/',
      'checkpoints/epoch-000040-ab12/',
      'checkpoints/epoch-000040-ab12/model-weights.bin',
      'config.json',
    ])
  })

  it('is byte-for-byte reproducible, whatever the files’ times', async () => {
    const root = tempDir()
    const runDir = await writeRunFolder(join(root, 'runs'), 'iris', 'r1')
    await packRun(runDir, join(root, 'first.tar.gz'))
    await utimes(join(runDir, 'metrics.json'), new Date('2030-01-01'), new Date('2030-01-01'))
    await packRun(runDir, join(root, 'second.tar.gz'))
    expect(
      (await readFile(join(root, 'second.tar.gz'))).equals(await readFile(join(root, 'first.tar.gz'))),
    ).toBe(true)
  })

  it('refuses a symlink, naming it', async () => {
    const root = tempDir()
    const runDir = await writeRunFolder(join(root, 'runs'), 'iris', 'r1')
    await symlink('/etc/hostname', join(runDir, 'results', 'link.txt'))
    const packing = packRun(runDir, join(root, 'x.tar.gz'))
    await expect(packing).rejects.toBeInstanceOf(UserError)
    await expect(packing).rejects.toThrow(
      `${join(runDir, 'results', 'link.txt')}: is a symlink; run archives hold files and folders only`,
    )
  })

  it('refuses a credential file', async () => {
    const root = tempDir()
    const runDir = await writeRunFolder(join(root, 'runs'), 'iris', 'r1')
    await mkdir(join(runDir, 'logs', '.aws'))
    await writeFile(join(runDir, 'logs', '.aws', 'config'), '[default]\n')
    await expect(packRun(runDir, join(root, 'x.tar.gz'))).rejects.toThrow(
      `${join(runDir, 'logs', '.aws')}: looks like a secret and will not be pushed`,
    )
    expect(await readdir(root)).toEqual(['runs'])
  })
})
