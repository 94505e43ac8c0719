// The request a deploy sends to the new endpoint to prove it answers: the model's own example input,
// models/<model>/inference/example.json, kept beside the handler that must understand it.
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { UserError } from '@sagepack/core-data'
import type { ModelFolder } from '@sagepack/core-train/workspace'

const EXAMPLE_INPUT_FILE = join('inference', 'example.json')

export interface ExampleInput {
  path: string
  contentType: 'application/json'
  body: string
}

export async function readExampleInput(folder: ModelFolder, workspaceRoot: string): Promise<ExampleInput> {
  const path = join(folder.dir, EXAMPLE_INPUT_FILE)
  const shown = relative(workspaceRoot, path)
  const body = await readFile(path, 'utf8').catch(() => undefined)
  const expected = 'a JSON request body the model answers, e.g. {"instances": [[5.1, 3.5, 1.4, 0.2]]}'
  if (body === undefined) {
    throw new UserError({
      input: shown,
      problem: 'does not exist; deploy smoke-tests the endpoint with it',
      expected,
      fix: `add ${shown}; check it locally with pnpm serve ${folder.name} and curl`,
    })
  }
  try {
    JSON.parse(body)
  } catch (error) {
    throw new UserError({ input: shown, problem: `is not JSON (${(error as Error).message})`, expected })
  }
  return { path, contentType: 'application/json', body }
}
