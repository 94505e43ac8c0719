// Reads one JSON file of an extracted bundle, with a UserError that names the file when it is missing
// or is not JSON, so a broken bundle fails at startup with the file to look at.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'

const REBUILD = 'rebuild the bundle with `sagepack bundle`; a partial upload or a hand edit can cause this'

/** The parsed JSON, or undefined when `optional` and the file does not exist. */
export async function readJsonFile(dir: string, name: string, options: { optional: true }): Promise<unknown>
export async function readJsonFile(dir: string, name: string): Promise<unknown>
export async function readJsonFile(
  dir: string,
  name: string,
  options?: { optional: true },
): Promise<unknown> {
  const path = join(dir, name)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && options?.optional) return undefined
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UserError(
        {
          input: path,
          problem: `${name} is missing`,
          expected: `an extracted model.tar.gz with ${name} at its top level`,
          fix: REBUILD,
        },
        { cause: error },
      )
    }
    throw error
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new UserError(
      {
        input: path,
        problem: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        expected: `the ${name} that \`sagepack bundle\` writes`,
        fix: REBUILD,
      },
      { cause: error },
    )
  }
}
