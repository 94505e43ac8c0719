// The model's example request (models/<name>/inference/example.json), carried in the bundle as
// example.json: the runtime's try-it page starts from it and its OpenAPI shows it. Checked to be JSON
// here, so a broken example fails the bundle, naming the file, not the page of a deployed endpoint.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { EXAMPLE_FILE } from '../manifest/bundle-manifest'

/** The example's bytes as written, or undefined when the model has none. */
export async function readRequestExample(inferenceEntry: string): Promise<Uint8Array | undefined> {
  const path = join(dirname(inferenceEntry), EXAMPLE_FILE)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  let body: unknown
  try {
    body = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw new UserError(
      {
        input: path,
        problem: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        expected: 'a request body for POST /invocations: {"instances": [row, ...]}',
        fix: 'fix the file; `pnpm serve <model>` then shows it on the try-it page',
      },
      { cause: error },
    )
  }
  const rows = Array.isArray(body) ? body : (body as { instances?: unknown } | null)?.instances
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new UserError({
      input: path,
      problem: 'holds no rows',
      expected:
        '{"instances": [row, ...]} with at least one row, each an object keyed by feature name or an array',
      fix: 'put one or two typical rows of the model in it',
    })
  }
  return bytes
}
