// Finds the bundle's inference handler module (manifest.entry, normally code/inference.mjs). A bundle
// without one is served by the default handler, so a plain model needs no code at all.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { entryProblem } from '@sagepack/bundle/manifest'
import { UserError } from '@sagepack/core-data'

/** Absolute path of the entry module, or null when the bundle has no such file. */
export async function resolveHandlerEntry(
  dir: string,
  entry: string,
  source: string,
): Promise<string | null> {
  // The same rule `sagepack inspect` and `serve` apply to the archive (servable-bundle.ts).
  const problem = entryProblem(entry)
  if (problem) {
    throw new UserError({
      input: `${source}, key 'entry'`,
      problem,
      expected: 'a path inside the bundle, e.g. code/inference.mjs',
      fix: 'rebuild the bundle with `sagepack bundle`',
    })
  }
  const path = join(dir, entry)
  try {
    const found = await stat(path)
    if (found.isFile()) return path
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    return null
  }
  throw new UserError({
    input: path,
    problem: 'the handler entry is not a file',
    expected: `the module named by ${source} 'entry'`,
    fix: 'rebuild the bundle with `sagepack bundle`',
  })
}
