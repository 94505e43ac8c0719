import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import { afterEach, describe, expect, it } from 'vitest'
import { RUNTIME_PATHS_FILE, runtimeImageTag, runtimePaths } from './runtime-image-tag'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim()
}

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true })
  writeFileSync(join(root, path), text)
}

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-tag-'))
  dirs.push(root)
  git(root, 'init', '-q')
  write(root, RUNTIME_PATHS_FILE, 'containers\npackages/core-serve\n\n')
  return root
}

describe('runtimeImageTag', () => {
  it('is the last commit that changed a runtime path, not a later model-only commit', async () => {
    const root = repo()
    write(root, 'packages/core-serve/a.ts', '1')
    git(root, 'add', '.')
    git(root, 'commit', '-qm', 'runtime')
    const runtimeCommit = git(root, 'rev-parse', 'HEAD')
    write(root, 'models/iris/config.ts', '2')
    git(root, 'add', '.')
    git(root, 'commit', '-qm', 'model only')

    expect(await runtimePaths(root)).toEqual(['containers', 'packages/core-serve'])
    expect(await runtimeImageTag(root, {})).toBe(runtimeCommit)
  })

  it('takes SAGEPACK_IMAGE_TAG over git', async () => {
    expect(await runtimeImageTag('/nonexistent', { SAGEPACK_IMAGE_TAG: 'abc123' })).toBe('abc123')
  })

  it('names the fix when the checkout has no git history', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sagepack-tag-'))
    dirs.push(root)
    write(root, RUNTIME_PATHS_FILE, 'containers\n')
    const error = await runtimeImageTag(root, {}).catch((e: unknown) => e)
    expect(isUserError(error)).toBe(true)
    expect(String((error as Error).message)).toMatch(/SAGEPACK_IMAGE_TAG/)
  })

  it('refuses a history where no commit touched the runtime', async () => {
    const root = repo()
    write(root, 'models/iris/config.ts', '2')
    git(root, 'add', 'models')
    git(root, 'commit', '-qm', 'model only')
    await expect(runtimeImageTag(root, {})).rejects.toThrow(/no commit has changed/)
  })
})
