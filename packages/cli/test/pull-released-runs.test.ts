// .github/scripts/pull-released-runs.sh fetches exactly the promoted runs a checkout lacks: CI bundles
// released models from those runs. A fake `pnpm` on PATH records what the script asks of it.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { WORKSPACE_ROOT } from './run-cli'

const SCRIPT = join(WORKSPACE_ROOT, '.github', 'scripts', 'pull-released-runs.sh')
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function checkout(): { root: string; calls: () => string[]; env: NodeJS.ProcessEnv } {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-released-'))
  dirs.push(root)
  const bin = join(root, '.bin')
  mkdirSync(bin)
  const log = join(root, 'pnpm-calls.log')
  writeFileSync(join(bin, 'pnpm'), `#!/usr/bin/env bash\necho "$*" >> ${JSON.stringify(log)}\n`)
  chmodSync(join(bin, 'pnpm'), 0o755)
  const release = (model: string, runId: string) => {
    mkdirSync(join(root, 'models', model), { recursive: true })
    writeFileSync(join(root, 'models', model, 'release.json'), JSON.stringify({ runId }))
  }
  release('iris', '20261201-100000-aaaa')
  release('spam', '20261201-110000-bbbb')
  mkdirSync(join(root, 'runs', 'spam', '20261201-110000-bbbb'), { recursive: true })
  mkdirSync(join(root, 'models', 'car-mpg'), { recursive: true })
  return {
    root,
    calls: () => readFileSync(log, 'utf8').trim().split('\n'),
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  }
}

describe('pull-released-runs.sh', () => {
  it('pulls the promoted run a model lacks, and skips present runs and unreleased models', () => {
    const { root, calls, env } = checkout()
    const out = execFileSync('bash', [SCRIPT, 'iris', 'spam', 'car-mpg'], {
      cwd: root,
      env,
      encoding: 'utf8',
    })
    expect(calls()).toEqual(['sagepack runs pull iris 20261201-100000-aaaa'])
    expect(out).toContain('spam: promoted run 20261201-110000-bbbb is already here')
  })
})
