// Affected-only work, proven on a throw-away git repository made from this workspace: turbo must see
// a change under models/iris/ as iris's alone, and a change in a core package as every model's. CI
// (`turbo run ... --affected`) and the deploy workflow (.github/scripts/affected-models.sh) rely on it.
import { execFileSync } from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WORKSPACE_ROOT } from './run-cli'

const TURBO = join(WORKSPACE_ROOT, 'node_modules', '.bin', 'turbo')
let repo: string

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8',
  })
}

function turbo(...args: string[]): string {
  return execFileSync(TURBO, args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_SCM_BASE: 'main' },
  })
}

/** The workspace's packages turbo counts as affected by the uncommitted change. */
function affectedPaths(): string[] {
  const listed = JSON.parse(turbo('ls', '--affected', '--output=json')) as {
    packages: { items: Array<{ path: string }> }
  }
  return listed.packages.items.map((item) => item.path).sort()
}

/** The packages whose test or bundle task `turbo run test bundle --affected` would run. */
function testedOrBundled(): string[] {
  const plan = JSON.parse(turbo('run', 'test', 'bundle', '--affected', '--dry=json')) as {
    tasks: Array<{ package: string; task: string; command: string }>
  }
  const run = plan.tasks.filter(
    (t) => (t.task === 'test' || t.task === 'bundle') && t.command !== '<NONEXISTENT>',
  )
  return [...new Set(run.map((t) => t.package))].sort()
}

function change(path: string): void {
  appendFileSync(join(repo, path), '\n// a change\n')
}

function modelPaths(): string[] {
  const listed = JSON.parse(turbo('ls', '--output=json')) as { packages: { items: Array<{ path: string }> } }
  return listed.packages.items.map((item) => item.path).filter((path) => path.startsWith('models/'))
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'sagepack-affected-'))
  // The files git would commit from this checkout, including new ones not committed yet and without
  // tracked ones deleted from the working tree.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(WORKSPACE_ROOT, path)))
  for (const path of files) {
    mkdirSync(dirname(join(repo, path)), { recursive: true })
    cpSync(join(WORKSPACE_ROOT, path), join(repo, path))
  }
  symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(repo, 'node_modules'))
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'the workspace')
}, 60_000)

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true })
})

describe('affected-only builds', () => {
  it('a change under models/iris/ affects iris alone', () => {
    change('models/iris/config.ts')
    try {
      expect(affectedPaths()).toEqual(['models/iris'])
      expect(testedOrBundled()).toEqual(['@sagepack/model-iris'])
    } finally {
      git('checkout', '-q', '--', '.')
    }
  })

  // Every model bundles through the bundle package and trains and serves on the core ones.
  it.each([
    'packages/core-data/src/index.ts',
    'packages/bundle/src/index.ts',
    'packages/core-serve/src/index.ts',
  ])('a change in %s affects every model', (path) => {
    change(path)
    try {
      const models = modelPaths()
      expect(models.length).toBeGreaterThan(0)
      expect(affectedPaths()).toEqual(expect.arrayContaining(models))
      const tested = testedOrBundled()
      for (const path of models) {
        const { name } = JSON.parse(readFileSync(join(repo, path, 'package.json'), 'utf8')) as {
          name: string
        }
        expect(tested).toContain(name)
      }
    } finally {
      git('checkout', '-q', '--', '.')
    }
  })

  it('a change to nothing affects nothing', () => {
    expect(affectedPaths()).toEqual([])
  })
})
