// installWorkspace with the real pnpm, in a small workspace of its own: a package added beside others
// is linked and written into pnpm-lock.yaml even where CI=true makes pnpm default to a frozen lockfile.
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { installWorkspace } from './install-workspace'

let root: string | undefined
afterEach(() => {
  vi.unstubAllEnvs()
  if (root !== undefined) rmSync(root, { recursive: true, force: true })
  root = undefined
})

function writePackage(dir: string, manifest: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ version: '1.0.0', private: true, ...manifest })}\n`,
  )
}

/**
 * packages/lib and packages/app (which depends on lib), installed and locked; workspace links only, so
 * pnpm needs neither its store nor the registry.
 */
function lockedWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-install-'))
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n')
  writePackage(dir, { name: 'workspace-root' })
  writePackage(join(dir, 'packages', 'lib'), { name: 'lib' })
  writePackage(join(dir, 'packages', 'app'), { name: 'app', dependencies: { lib: 'workspace:*' } })
  execFileSync('pnpm', ['install', '--offline', '--no-frozen-lockfile'], { cwd: dir, stdio: 'ignore' })
  return dir
}

describe('installWorkspace', () => {
  it('links a new package and adds it to pnpm-lock.yaml with CI=true set', async () => {
    root = lockedWorkspace()
    expect(readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8')).not.toContain('packages/added')
    writePackage(join(root, 'packages', 'added'), { name: 'added', dependencies: { lib: 'workspace:*' } })
    vi.stubEnv('CI', 'true')

    const printed: string[] = []
    const result = await installWorkspace(root, (line) => printed.push(line))

    expect(result).toEqual({
      ok: true,
      commands: ['pnpm install --offline --no-frozen-lockfile'],
      exitCode: 0,
    })
    expect(printed).toEqual([`running: pnpm install --offline --no-frozen-lockfile  (in ${root})`])
    const lockfile = readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8')
    expect(lockfile).toMatch(/\n {2}packages\/added:\n {4}dependencies:\n {6}lib:\n/)
    const link = join(root, 'packages', 'added', 'node_modules', 'lib')
    expect(existsSync(link)).toBe(true)
    expect(realpathSync(link)).toBe(realpathSync(join(root, 'packages', 'lib')))
  }, 60_000)
})
