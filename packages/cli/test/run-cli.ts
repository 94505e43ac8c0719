// Runs the real `sagepack` command (or a root pnpm script) as a child process, for end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const WORKSPACE_ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const BIN = fileURLToPath(new URL('../bin/sagepack.mjs', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface StartedCommand {
  child: ChildProcess
  /** What it printed on stdout so far. */
  stdout(): string
  result: Promise<CliResult>
}

/** Added to this process's environment; a name set to undefined is removed from it. */
export type EnvChanges = Record<string, string | undefined>

/** Runs `command` in `cwd`: the workspace root unless a test works in a workspace of its own. */
function startCommand(
  command: string,
  args: string[],
  env: EnvChanges = {},
  cwd: string = WORKSPACE_ROOT,
): StartedCommand {
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined),
  )
  const child = spawn(command, args, { cwd, env: merged, stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
  return { child, stdout: () => stdout, result }
}

export function runCommand(
  command: string,
  args: string[],
  env: EnvChanges = {},
  cwd: string = WORKSPACE_ROOT,
): Promise<CliResult> {
  return startCommand(command, args, env, cwd).result
}

export function startSagepack(
  args: string[],
  env: EnvChanges = {},
  cwd: string = WORKSPACE_ROOT,
): StartedCommand {
  return startCommand(process.execPath, [BIN, ...args], env, cwd)
}

export function sagepack(
  args: string[],
  env: EnvChanges = {},
  cwd: string = WORKSPACE_ROOT,
): Promise<CliResult> {
  return startSagepack(args, env, cwd).result
}
