// The workspace's packages as pnpm sees them: each folder that pnpm-workspace.yaml's `packages` globs
// match and that holds a package.json, with the package's name.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'

export interface WorkspacePackage {
  name: string
  dir: string
}

export async function workspacePackages(workspaceRoot: string): Promise<WorkspacePackage[]> {
  const manifest = parse(await readFile(join(workspaceRoot, 'pnpm-workspace.yaml'), 'utf8')) as {
    packages?: unknown
  } | null
  const globs = Array.isArray(manifest?.packages) ? manifest.packages.filter(isIncludeGlob) : []
  const dirs = (await Promise.all(globs.map((glob) => expandGlob(workspaceRoot, glob.split('/'))))).flat()
  const packages = await Promise.all(
    [...new Set(dirs)].map(async (dir) => {
      const name = await packageName(dir)
      return name === null ? null : { name, dir }
    }),
  )
  return packages.filter((p): p is WorkspacePackage => p !== null)
}

/** A folder's package name; null without a readable package.json naming one (pnpm skips those too). */
async function packageName(dir: string): Promise<string | null> {
  try {
    const { name } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: unknown }
    return typeof name === 'string' ? name : null
  } catch {
    return null
  }
}

/** `!pattern` entries exclude folders; leaving them out can only report a name as taken, never miss one. */
function isIncludeGlob(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !value.startsWith('!')
}

/** Folders matching the segments, where a segment may hold `*` (one level; `**` is read as one level too). */
async function expandGlob(dir: string, segments: string[]): Promise<string[]> {
  const [segment, ...rest] = segments
  if (segment === undefined) return [dir]
  if (!segment.includes('*')) return expandGlob(join(dir, segment), rest)
  const pattern = new RegExp(`^${segment.split('*').map(escapeRegExp).join('.*')}$`)
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const matches = entries.filter(
    (entry) =>
      entry.isDirectory() &&
      !entry.name.startsWith('.') &&
      entry.name !== 'node_modules' &&
      pattern.test(entry.name),
  )
  return (await Promise.all(matches.map((entry) => expandGlob(join(dir, entry.name), rest)))).flat()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
}
