// Tells a URI's scheme from a plain path, and turns a plain path or file:// URI into a local path, the
// same way for dataset locations and artifact stores.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UserError } from '../errors/user-error'

/** The URI's scheme in lower case (`s3`, `file`), or undefined for a plain path. */
export function schemeOf(uri: string): string | undefined {
  // `file:/x` is a valid file URI without `//`; other schemes need `//` so that a relative path
  // with a colon (or a Windows drive, `C:\data`) is still taken as a path.
  if (/^file:/i.test(uri)) return 'file'
  return /^([a-z][a-z0-9+.-]+):\/\//i.exec(uri)?.[1]?.toLowerCase()
}

/** The absolute path of a `file:///absolute/path` URI, or of a plain path resolved against `baseDir`. */
export function localPathOf(location: string, baseDir: string | undefined): string {
  if (schemeOf(location) !== 'file') return resolve(baseDir ?? process.cwd(), location)
  try {
    return fileURLToPath(location)
  } catch (error) {
    throw new UserError(
      {
        input: location,
        problem: `is not a usable file URI (${(error as Error).message})`,
        expected: 'file:///absolute/path (three slashes, then an absolute path)',
        fix: 'write an absolute file:/// URI, or a plain path',
      },
      { cause: error },
    )
  }
}
