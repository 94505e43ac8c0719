import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram } from '../main'
import { nextSteps } from './next-steps'

const ROOT_SCRIPTS = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../package.json', import.meta.url)), 'utf8'),
).scripts as Record<string, string>

/** The sagepack subcommand a command line reaches, and whether its options exist; null if none does. */
function reachedCommand(args: string[]): { command: Command; unknownOptions: string[] } | null {
  let command = buildProgram()
  let i = 0
  for (; i < args.length; i++) {
    const sub = command.commands.find((c) => c.name() === args[i])
    if (!sub) break
    command = sub
  }
  if (i === 0) return null
  const options = args.slice(i).filter((arg) => arg.startsWith('--'))
  return { command, unknownOptions: options.filter((flag) => !command.options.some((o) => o.long === flag)) }
}

describe('nextSteps', () => {
  it('prints only commands that exist, with options they take', () => {
    const steps = nextSteps('churn', { installed: true })
    const pnpmLines = steps
      .split('\n')
      .filter((line) => line.startsWith('    pnpm '))
      .map((line) => line.trim().split(/\s+/).slice(1))
    expect(pnpmLines.length).toBeGreaterThanOrEqual(8)
    for (const [first = '', ...rest] of pnpmLines) {
      if (first === '--filter') {
        expect(rest).toEqual(['@sagepack/model-churn', 'test'])
        continue
      }
      const script = first === 'sagepack' ? [] : (ROOT_SCRIPTS[first] ?? '').split(' ').slice(1)
      const reached = reachedCommand([...script, ...rest])
      expect(reached, `pnpm ${first} ${rest.join(' ')}`).not.toBeNull()
      expect(reached?.command.summary(), first).not.toMatch(/planned/)
      expect(reached?.unknownOptions, `pnpm ${first} ${rest.join(' ')}`).toEqual([])
    }
  })

  it('covers training, bundling, serving, predicting, testing, promoting and the pull request', () => {
    const steps = nextSteps('churn', { installed: true })
    for (const command of [
      'pnpm train churn',
      'pnpm bundle churn',
      'pnpm serve churn',
      'pnpm predict churn --input models/churn/inference/example.json',
      'pnpm --filter @sagepack/model-churn test',
      'pnpm sagepack runs promote churn <run-id>',
      'git add models/churn .github/CODEOWNERS pnpm-lock.yaml',
      'gh pr create',
    ])
      expect(steps).toContain(command)
    expect(steps).not.toContain('pnpm install')
  })

  it('starts with pnpm install when it was skipped', () => {
    expect(nextSteps('churn', { installed: false })).toMatch(
      /^Next steps:\n.*\n {4}pnpm install --offline --no-frozen-lockfile\n/,
    )
  })
})
