// Reads a JSON file that a person or a tool of ours wrote (a bundle's manifest, a run's run.json, a
// model's release.json), failing with a UserError that names the file, what it should hold and the fix,
// instead of a bare ENOENT or SyntaxError.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { UserError } from '../errors/user-error'

export interface JsonFileExpectation {
  /** What the file should hold, for the message: `the run.json that \`sagepack train\` writes`. */
  expected: string
  /** What to do about a missing or broken file. */
  fix: string
}

/** The parsed JSON, or undefined when `optional` and the file does not exist. */
export async function readJsonFile(
  path: string,
  about: JsonFileExpectation & { optional: true },
): Promise<unknown>
export async function readJsonFile(path: string, about: JsonFileExpectation): Promise<unknown>
export async function readJsonFile(
  path: string,
  about: JsonFileExpectation & { optional?: boolean },
): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && about.optional) return undefined
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
    const problem = `${basename(path)} is missing`
    throw new UserError({ input: path, problem, expected: about.expected, fix: about.fix }, { cause: error })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserError(
      { input: path, problem: `it is not valid JSON (${reason})`, expected: about.expected, fix: about.fix },
      { cause: error },
    )
  }
}
