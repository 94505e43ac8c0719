import { chmodSync, linkSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/archive-readers'
import { collectBundleFiles } from './collect-bundle-files'

/** A model folder with a nested file, an executable and an in-folder symlink. */
function modelFolder(): { root: string; outside: string } {
  const base = tempDir()
  const root = join(base, 'model')
  mkdirSync(join(root, 'weights/shards'), { recursive: true })
  writeFileSync(join(root, 'model.json'), '{}')
  writeFileSync(join(root, 'weights/shards/group1.bin'), 'abcd')
  writeFileSync(join(root, 'a.json'), '[]')
  writeFileSync(join(root, 'run.sh'), '#!/bin/sh\n')
  chmodSync(join(root, 'run.sh'), 0o700)
  symlinkSync('weights/shards/group1.bin', join(root, 'latest.bin'))
  const outside = join(base, 'outside')
  mkdirSync(outside)
  writeFileSync(join(outside, 'secret.txt'), 'not yours')
  return { root, outside }
}

describe('collectBundleFiles', () => {
  it('lists files sorted by path with normalized modes, links stored as their target', async () => {
    const { root } = modelFolder()
    const files = await collectBundleFiles(root, { archivePrefix: 'code/' })
    const real = realpathSync(root)
    expect(files).toEqual([
      { archivePath: 'code/a.json', sourcePath: join(real, 'a.json'), size: 2, mode: 0o644 },
      {
        archivePath: 'code/latest.bin',
        sourcePath: join(real, 'weights/shards/group1.bin'),
        size: 4,
        mode: 0o644,
      },
      { archivePath: 'code/model.json', sourcePath: join(real, 'model.json'), size: 2, mode: 0o644 },
      { archivePath: 'code/run.sh', sourcePath: join(real, 'run.sh'), size: 10, mode: 0o755 },
      {
        archivePath: 'code/weights/shards/group1.bin',
        sourcePath: join(real, 'weights/shards/group1.bin'),
        size: 4,
        mode: 0o644,
      },
    ])
  })

  it('allows a hard link between two files of the folder', async () => {
    const { root } = modelFolder()
    linkSync(join(root, 'model.json'), join(root, 'copy.json'))
    expect((await collectBundleFiles(root)).map((file) => file.archivePath)).toContain('copy.json')
  })

  describe('refuses', () => {
    it('a symlink that leads outside the folder', async () => {
      const { root, outside } = modelFolder()
      symlinkSync(join(outside, 'secret.txt'), join(root, 'weights.bin'))
      await expect(collectBundleFiles(root)).rejects.toThrow(
        /model\/weights\.bin: is a symlink to .*outside\/secret\.txt, outside the folder being bundled/,
      )
      symlinkSync('../outside', join(root, 'escape'))
      await expect(collectBundleFiles(root, { ignoreFile: undefined })).rejects.toThrow(/symlink/)
    })

    it('a relative symlink climbing out with ..', async () => {
      const { root } = modelFolder()
      symlinkSync('../../outside/secret.txt', join(root, 'weights', 'w.bin'))
      await expect(collectBundleFiles(root)).rejects.toThrow(
        /weights\/w\.bin: is a symlink to .*outside the folder/,
      )
    })

    it('a hard link to a file outside the folder', async () => {
      const { root, outside } = modelFolder()
      linkSync(join(outside, 'secret.txt'), join(root, 'innocent.bin'))
      await expect(collectBundleFiles(root)).rejects.toThrow(
        /innocent\.bin: is a hard link \(2 names\) to a file outside the folder/,
      )
    })

    it('dangling symlinks and symlinks to folders', async () => {
      const { root } = modelFolder()
      symlinkSync('nowhere', join(root, 'dangling'))
      await expect(collectBundleFiles(root)).rejects.toThrow(/dangling: is a symlink that points to nothing/)
      const other = modelFolder()
      symlinkSync('weights', join(other.root, 'dir-link'))
      await expect(collectBundleFiles(other.root)).rejects.toThrow(
        /dir-link: is a symlink to something other/,
      )
    })

    it('an archive prefix that climbs out or is absolute', async () => {
      const { root } = modelFolder()
      await expect(collectBundleFiles(root, { archivePrefix: '../' })).rejects.toThrow(/contains `\.\.`/)
      await expect(collectBundleFiles(root, { archivePrefix: '/code/' })).rejects.toThrow(/absolute/)
      await expect(collectBundleFiles(root, { archivePrefix: 'code' })).rejects.toThrow(
        /does not end with \//,
      )
    })

    it.each([
      ['.env', 'environment files usually hold credentials'],
      ['.env.production', 'environment files usually hold credentials'],
      ['deploy/server.pem', 'it looks like a private key or certificate'],
      ['tls.key', 'it looks like a private key or certificate'],
      ['id_rsa.pub', 'it looks like an SSH private key'],
      ['credentials', 'it looks like a credentials file'],
    ])('the secret-looking file %s', async (path, reason) => {
      const { root } = modelFolder()
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), 'TOKEN=abc')
      const error = collectBundleFiles(root)
      await expect(error).rejects.toThrow(`${path}: looks like a secret and will not be bundled: ${reason}`)
      await expect(error).rejects.toThrow('list it in .bundleignore')
    })

    it('a folder where credentials live', async () => {
      const { root } = modelFolder()
      mkdirSync(join(root, '.aws'))
      writeFileSync(join(root, '.aws', 'config'), '[default]')
      await expect(collectBundleFiles(root)).rejects.toThrow(
        /\.aws\/: looks like a secret .* AWS keeps credentials/,
      )
    })

    it('an .npmrc with an auth token, but not one without', async () => {
      const { root } = modelFolder()
      writeFileSync(join(root, '.npmrc'), 'registry=https://registry.npmjs.org/\n')
      expect((await collectBundleFiles(root)).map((file) => file.archivePath)).toContain('.npmrc')
      writeFileSync(join(root, '.npmrc'), '//registry.npmjs.org/:_authToken=npm_abc\n')
      await expect(collectBundleFiles(root)).rejects.toThrow(/\.npmrc: .* an \.npmrc with an auth token/)
    })

    it('a harmless name linking to a secret, even when the secret itself is ignored', async () => {
      const { root } = modelFolder()
      writeFileSync(join(root, '.env'), 'AWS_SECRET_ACCESS_KEY=x')
      symlinkSync('.env', join(root, 'settings.txt'))
      writeFileSync(join(root, '.bundleignore'), '.env\n')
      await expect(collectBundleFiles(root, { ignoreFile: join(root, '.bundleignore') })).rejects.toThrow(
        /settings\.txt: looks like a secret .* it links to \.env/,
      )
    })
  })

  it('leaves out what .bundleignore lists, secrets included, and the ignore file itself', async () => {
    const { root, outside } = modelFolder()
    writeFileSync(join(root, '.env'), 'KEY=1')
    writeFileSync(join(root, 'server.pem'), '-----BEGIN PRIVATE KEY-----')
    symlinkSync(join(outside, 'secret.txt'), join(root, 'escape.txt'))
    mkdirSync(join(root, 'logs'))
    writeFileSync(join(root, 'logs', 'train.log'), '')
    writeFileSync(join(root, 'debug.log'), '')
    writeFileSync(join(root, 'keep.log'), '')
    const ignoreFile = join(root, '.bundleignore')
    writeFileSync(ignoreFile, '# local only\n.env\n*.pem\n/escape.txt\nlogs/\n*.log\n!keep.log\n')
    const paths = (await collectBundleFiles(root, { ignoreFile })).map((file) => file.archivePath)
    expect(paths).toEqual([
      'a.json',
      'keep.log',
      'latest.bin',
      'model.json',
      'run.sh',
      'weights/shards/group1.bin',
    ])
  })

  it('takes a missing .bundleignore as an empty one, and names a missing folder', async () => {
    const { root } = modelFolder()
    expect(await collectBundleFiles(root, { ignoreFile: join(root, 'nope') })).toHaveLength(5)
    await expect(collectBundleFiles(join(root, 'missing'))).rejects.toThrow(/missing: is not a folder/)
  })
})
