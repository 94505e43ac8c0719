// Run directories: <runs>/<model>/<run-id>/, created once and never overwritten.
import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'

/** Where runs live unless the user says otherwise: runs/ at the workspace root. */
export function defaultRunsRoot(workspaceRoot: string): string {
  return join(workspaceRoot, 'runs')
}

/** Sortable by time, unique by a random suffix: 20261123-164512-3fa2. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `${stamp}-${randomBytes(2).toString('hex')}`
}

/** Creates the run directory; fails rather than reuse one (mkdir of the last part is not recursive). */
export async function createRunDirectory(
  runsRoot: string,
  model: string,
  runId: string = newRunId(),
): Promise<{ runId: string; dir: string }> {
  const parent = join(runsRoot, model)
  await mkdir(parent, { recursive: true })
  const dir = join(parent, runId)
  await mkdir(dir)
  return { runId, dir }
}
