// `sagepack new-model` from the command line, in throwaway workspaces: what it prints, the exit codes,
// what it writes, and the pnpm install it runs (a stand-in pnpm on PATH records it).
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { sagepack } from './run-cli'
import { throwawayWorkspace } from './throwaway-workspace.fixture'

const workspaces: string[] = []
afterAll(() => {
  for (const root of workspaces) rmSync(root, { recursive: true, force: true })
})

function workspace(): string {
  const root = throwawayWorkspace()
  workspaces.push(root)
  return root
}

const codeowners = (root: string) => readFileSync(join(root, '.github', 'CODEOWNERS'), 'utf8')

/**
 * A `pnpm` first on PATH that appends "<cwd> <args>" to a log and exits with the code given for its
 * arguments (0 otherwise).
 */
function fakePnpm(
  root: string,
  exitCodes: Record<string, number> = {},
): { env: Record<string, string>; log: () => string[] } {
  const bin = join(root, 'fake-bin')
  const log = join(root, 'pnpm.log')
  mkdirSync(bin)
  const cases = Object.entries(exitCodes)
    .map(([args, code]) => `  "${args}") exit ${code} ;;`)
    .join('\n')
  writeFileSync(
    join(bin, 'pnpm'),
    `#!/bin/sh\necho "$PWD $*" >> "${log}"\necho "fake pnpm $*"\ncase "$*" in\n${cases}\nesac\nexit 0\n`,
  )
  chmodSync(join(bin, 'pnpm'), 0o755)
  return {
    env: { PATH: `${bin}:${process.env.PATH}` },
    log: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
  }
}

describe('sagepack new-model', () => {
  it('refuses bad names and teams with exit 2 and the fix, writing nothing', async () => {
    const root = workspace()
    const before = readdirSync(root)
    const cases: Array<[string[], string]> = [
      [['Churn', '--team', '@acme/growth'], 'error: model name "Churn": is not lowercase kebab-case'],
      [
        ['node_modules', '--team', '@acme/growth'],
        `error: model name "node_modules": is reserved: it is pnpm's`,
      ],
      [
        ['x'.repeat(56), '--team', '@acme/growth'],
        `error: model name "${'x'.repeat(56)}": is 56 characters long`,
      ],
      [['churn', '--team', 'acme/growth'], 'error: --team acme/growth: does not start with @'],
      [['churn'], "error: required option '--team <@org/team>' not specified"],
      [
        ['churn', '--team', '@a/b', '--template', 'image'],
        "argument 'image' is invalid. Allowed choices are",
      ],
    ]
    const results = await Promise.all(
      cases.map(([args]) => sagepack(['new-model', ...args, '--skip-install'], {}, root)),
    )
    results.forEach((result, i) => {
      const [args, message] = cases[i] as [string[], string]
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toContain(message)
    })
    expect(readdirSync(root)).toEqual(before)
    expect(readdirSync(join(root, 'models'))).toEqual([])
  }, 60_000)

  it('writes the model and its CODEOWNERS line, runs pnpm install --offline --no-frozen-lockfile at the root, and says what next', async () => {
    const root = workspace()
    const pnpm = fakePnpm(root)
    const result = await sagepack(['new-model', 'churn', '--team', '@acme/growth'], pnpm.env, root)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(
      /^created models\/churn\/ from the tabular-classifier template \(\d+ files\)\n/,
    )
    expect(result.stdout).toContain('.github/CODEOWNERS: /models/churn/ is owned by @acme/growth\n')
    expect(result.stdout).toContain(
      `running: pnpm install --offline --no-frozen-lockfile  (in ${root})\nfake pnpm install --offline --no-frozen-lockfile\n`,
    )
    expect(result.stdout).toContain('    pnpm train churn\n')
    expect(result.stdout).not.toContain('pnpm install was skipped')
    expect(pnpm.log()).toEqual([`${root} install --offline --no-frozen-lockfile`])
    expect(existsSync(join(root, 'models', 'churn', 'train', 'index.ts'))).toBe(true)
    expect(codeowners(root).match(/^\/models\/churn\/ +@acme\/growth$/gm)).toHaveLength(1)

    const again = await sagepack(['new-model', 'churn', '--team', '@acme/growth'], pnpm.env, root)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('model name "churn": is taken: models/churn/ already exists')
    expect(codeowners(root).match(/\/models\/churn\//g)).toHaveLength(1)
  }, 60_000)

  it('retries with --prefer-offline when the pnpm cache cannot resolve offline', async () => {
    const root = workspace()
    const pnpm = fakePnpm(root, { 'install --offline --no-frozen-lockfile': 1 })
    const result = await sagepack(['new-model', 'ranker', '--team', '@acme/search'], pnpm.env, root)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain(
      'pnpm install --offline --no-frozen-lockfile failed; trying again with registry metadata allowed:',
    )
    expect(pnpm.log()).toEqual([
      `${root} install --offline --no-frozen-lockfile`,
      `${root} install --prefer-offline --no-frozen-lockfile`,
    ])
  }, 60_000)

  it('keeps the written model and exits 1 with what to run when pnpm install fails', async () => {
    const root = workspace()
    const pnpm = fakePnpm(root, {
      'install --offline --no-frozen-lockfile': 1,
      'install --prefer-offline --no-frozen-lockfile': 7,
    })
    const result = await sagepack(
      ['new-model', 'ranker', '--team', '@acme/search', '--template', 'text-classifier'],
      pnpm.env,
      root,
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'error: pnpm install --offline --no-frozen-lockfile, then pnpm install --prefer-offline --no-frozen-lockfile: failed (exit 7); models/ranker/ is written',
    )
    expect(result.stderr).toContain(
      'fix: fix what pnpm printed above, then run `pnpm install --no-frozen-lockfile` at the workspace root',
    )
    expect(existsSync(join(root, 'models', 'ranker', 'data', 'support-tickets.csv'))).toBe(true)
    expect(codeowners(root)).toContain('/models/ranker/')
  }, 60_000)

  it('runs no pnpm with --skip-install, and puts pnpm install first in the next steps', async () => {
    const root = workspace()
    const pnpm = fakePnpm(root)
    const result = await sagepack(
      ['new-model', 'eta', '--team', '@acme/logistics', '--template', 'tabular-regressor', '--skip-install'],
      pnpm.env,
      root,
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Next steps:\n  Link the new package first (pnpm install was skipped):\n')
    expect(pnpm.log()).toEqual([])
    expect(JSON.parse(readFileSync(join(root, 'models', 'eta', 'package.json'), 'utf8')).name).toBe(
      '@sagepack/model-eta',
    )
  }, 60_000)
})
