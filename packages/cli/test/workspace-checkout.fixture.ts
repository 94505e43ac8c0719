// Test support: another checkout of this workspace, as a second clone would be. Its files are the
// working tree's as git sees them (tracked, and untracked but not ignored), copied by a shell with the
// umask given, committed once with a fixed author and date (two checkouts of one tree share a commit,
// as two clones of one commit do) and installed from pnpm's store, offline. Commands then run in it
// under that umask and time zone.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runCommand, WORKSPACE_ROOT } from './run-cli'

export interface Checkout {
  root: string
  /** Runs a shell script in the checkout with its umask and time zone; rejects with its output on failure. */
  shell(script: string, env?: Record<string, string>): Promise<string>
}

const COMMIT_ENV = {
  GIT_AUTHOR_NAME: 'sagepack',
  GIT_AUTHOR_EMAIL: 'dev@sagepack.local',
  GIT_AUTHOR_DATE: '2026-11-23T12:00:00Z',
  GIT_COMMITTER_NAME: 'sagepack',
  GIT_COMMITTER_EMAIL: 'dev@sagepack.local',
  GIT_COMMITTER_DATE: '2026-11-23T12:00:00Z',
}

export async function workspaceCheckout(options: {
  root: string
  umask: '022' | '077'
  timeZone: string
}): Promise<Checkout> {
  const { root } = options
  const shell = async (script: string, env: Record<string, string> = {}) => {
    const result = await runCommand(
      'sh',
      ['-c', `set -e; umask ${options.umask}; ${script}`],
      { TZ: options.timeZone, ...env },
      existsSync(root) ? root : WORKSPACE_ROOT,
    )
    if (result.code !== 0)
      throw new Error(`${script} failed (${result.code}):\n${result.stdout}${result.stderr}`)
    return result.stdout
  }
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(WORKSPACE_ROOT, file)))
  const list = `${root}.files`
  mkdirSync(dirname(root), { recursive: true })
  writeFileSync(list, `${files.join('\0')}\0`)
  await shell(`mkdir -p '${root}' && xargs -0 -a '${list}' cp --parents -t '${root}'`)
  await shell(
    `cd '${root}' && git init -q && git add -A && git -c commit.gpgsign=false commit -q -m checkout && CI=true pnpm install --offline --frozen-lockfile --reporter=silent`,
    COMMIT_ENV,
  )
  return { root, shell: (script, env) => shell(`cd '${root}' && ${script}`, env) }
}
