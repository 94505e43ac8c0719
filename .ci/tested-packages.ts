// The packages whose tests `pnpm test` runs: every package of the workspace as pnpm itself lists it
// (pnpm-workspace.yaml's globs: packages/*, models/*, cloudformation, ...) that has a `test` script,
// except the root, whose `test` is the turbo run over the others.
import { execFileSync } from 'node:child_process'
import { readFileSync, realpathSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface TestedPackage {
  /** The folder, relative to the workspace root, e.g. `packages/core-data` or `cloudformation`. */
  dir: string
  name: string
}

export function testedPackages(workspaceRoot: string): TestedPackage[] {
  const root = realpathSync(workspaceRoot)
  const listed = JSON.parse(
    execFileSync('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], { cwd: root, encoding: 'utf8' }),
  ) as Array<{ name?: string; path: string }>
  return listed
    .map((entry) => ({ dir: relative(root, realpathSync(entry.path)), name: entry.name ?? entry.path }))
    .filter(({ dir }) => dir !== '' && hasTestScript(join(root, dir)))
    .sort((a, b) => a.dir.localeCompare(b.dir))
}

function hasTestScript(dir: string): boolean {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>
  }
  return typeof manifest.scripts?.test === 'string'
}
