// Finds the bundle's inference handler module (manifest.entry, normally code/inference.mjs). A bundle
// without one is served by the default handler, so a plain model needs no code at all.
import { stat } from 'node:fs/promises'
import { isAbsolute, join, normalize, sep } from 'node:path'
import { UserError } from '@sagepack/core-data'

/** Absolute path of the entry module, or null when the bundle has no such file. */
export async function resolveHandlerEntry(
  dir: string,
  entry: string,
  source: string,
): Promise<string | null> {
  const relative = normalize(entry)
  // The entry comes from a file anyone could edit: never import code from outside the bundle.
  if (isAbsolute(entry) || relative === '..' || relative.startsWith(`..${sep}`)) {
    throw new UserError({
      input: `${source}, key 'entry'`,
      problem: `${JSON.stringify(entry)} points outside the bundle`,
      expected: 'a path inside the bundle, e.g. code/inference.mjs',
      fix: 'rebuild the bundle with `sagepack bundle`',
    })
  }
  const path = join(dir, relative)
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
