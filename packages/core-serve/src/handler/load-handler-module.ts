// Imports a bundle's handler module (code/inference.mjs, default export = InferenceHandler) and checks
// its shape, so a typo such as `postProcess` fails at startup instead of silently using a default.
import { pathToFileURL } from 'node:url'
import { UserError } from '@sagepack/core-data'
import type { InferenceHandler } from './handler-api'

const HOOKS = ['load', 'preprocess', 'predict', 'postprocess'] as const
const EXPECTED = `a module whose default export is defineHandler({ ${HOOKS.join(', ')} }), every hook optional`

export async function loadHandlerModule(path: string): Promise<InferenceHandler> {
  let module: Record<string, unknown>
  try {
    module = await import(/* @vite-ignore */ pathToFileURL(path).href)
  } catch (error) {
    throw new UserError(
      {
        input: path,
        problem: `the handler module fails to import: ${error instanceof Error ? error.message : String(error)}`,
        expected: EXPECTED,
        fix: 'run the model tests, then rebuild the bundle; a dependency left out of the bundle can cause this',
      },
      { cause: error },
    )
  }
  const handler = module.default
  const fail = (problem: string) =>
    new UserError({
      input: path,
      problem,
      expected: EXPECTED,
      fix: "export the handler from the model's inference entry: export default defineHandler({ ... })",
    })
  if (typeof handler !== 'object' || handler === null || Array.isArray(handler)) {
    throw fail(
      handler === undefined
        ? 'it has no default export'
        : `its default export is ${typeof handler}, not a handler`,
    )
  }
  const unknown = Object.keys(handler).filter((key) => !(HOOKS as readonly string[]).includes(key))
  if (unknown.length > 0) throw fail(`its handler has unknown hooks: ${unknown.join(', ')}`)
  for (const hook of HOOKS) {
    const value = (handler as Record<string, unknown>)[hook]
    if (value !== undefined && typeof value !== 'function')
      throw fail(`its hook '${hook}' is ${typeof value}, not a function`)
  }
  return handler as InferenceHandler
}
