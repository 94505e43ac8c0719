// Reads one JSON file of an extracted bundle, so a broken bundle fails at startup naming the file.
import { join } from 'node:path'
import { readJsonFile } from '@sagepack/core-data'

const REBUILD = 'rebuild the bundle with `sagepack bundle`; a partial upload or a hand edit can cause this'

/** The parsed JSON, or undefined when `optional` and the file does not exist. */
export function readBundleJson(dir: string, name: string, options?: { optional: true }): Promise<unknown> {
  const about = { expected: `an extracted model.tar.gz with a valid ${name} at its top level`, fix: REBUILD }
  return options?.optional
    ? readJsonFile(join(dir, name), { ...about, optional: true })
    : readJsonFile(join(dir, name), about)
}
