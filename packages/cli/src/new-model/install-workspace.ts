// Links a new workspace package: `pnpm install --offline` at the workspace root links the package's
// dependencies from the store and adds it to pnpm-lock.yaml. pnpm resolves a new package's dependencies
// afresh, which takes the registry metadata of every package among them; where this machine's pnpm
// cache lacks some (a store filled by a frozen-lockfile install holds the packages, not their metadata)
// --offline fails with ERR_PNPM_NO_OFFLINE_META, and `--prefer-offline` takes all it can from the store
// and cache and fetches only the missing metadata from the registry. Adding a package changes the
// lockfile on purpose: --no-frozen-lockfile, or pnpm refuses wherever CI=true is set (many dev
// containers and CI jobs), where it defaults to a frozen lockfile.
import { spawn } from 'node:child_process'

/** The command that links a new package, as the next steps print it when it was skipped. */
export const LINK_NEW_PACKAGE = 'pnpm install --offline --no-frozen-lockfile'

const INSTALL_ATTEMPTS: readonly (readonly string[])[] = [
  ['install', '--offline', '--no-frozen-lockfile'],
  ['install', '--prefer-offline', '--no-frozen-lockfile'],
]

export interface InstallResult {
  ok: boolean
  /** The commands run, as printed. */
  commands: string[]
  /** The exit code of the last attempt. */
  exitCode: number | null
}

export async function installWorkspace(
  workspaceRoot: string,
  print: (line: string) => void,
): Promise<InstallResult> {
  const commands: string[] = []
  let exitCode: number | null = null
  for (const [attempt, args] of INSTALL_ATTEMPTS.entries()) {
    const command = `pnpm ${args.join(' ')}`
    commands.push(command)
    if (attempt > 0) print(`\n${commands[attempt - 1]} failed; trying again with registry metadata allowed:`)
    print(`running: ${command}  (in ${workspaceRoot})`)
    exitCode = await run('pnpm', args, workspaceRoot)
    if (exitCode === 0) return { ok: true, commands, exitCode }
    // pnpm could not be started: another attempt cannot do better.
    if (exitCode === null) break
  }
  return { ok: false, commands, exitCode }
}

/** The exit code (1 when a signal ended it), or null when pnpm could not be started (not on PATH). */
function run(command: string, args: readonly string[], cwd: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' })
    child.on('error', () => resolve(null))
    child.on('close', (code) => resolve(code ?? 1))
  })
}
