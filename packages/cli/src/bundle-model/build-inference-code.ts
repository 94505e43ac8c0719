// Bundles a model's inference handler (and the core packages it uses) into one ES module with
// esbuild. Native packages stay external: the runtime image provides them, at the versions that
// code/package.json lists.
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { build } from 'esbuild'
import { ESM_BANNER } from '../runtime/esm-banner'

/** Packages with native binaries: never bundled, always provided by the runtime image. */
const NATIVE_PACKAGES = ['onnxruntime-node', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'] as const

export interface InferenceCode {
  /** code/inference.mjs */
  source: Uint8Array
  /** Native packages the bundled code imports, with the versions installed in the workspace. */
  externals: Record<string, string>
}

/** With no inference/index.ts, the bundle carries an empty handler: every hook takes its default. */
const DEFAULT_HANDLER = 'export default {}\n'

export async function buildInferenceCode(options: {
  workspaceRoot: string
  /** models/<model>/inference/index.ts, or undefined when the model has no inference code. */
  entry: string | undefined
  model: string
}): Promise<InferenceCode> {
  let result: Awaited<ReturnType<typeof build>>
  try {
    result = await build({
      ...(options.entry
        ? { entryPoints: [options.entry] }
        : { stdin: { contents: DEFAULT_HANDLER, loader: 'js', resolveDir: options.workspaceRoot } }),
      absWorkingDir: options.workspaceRoot,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: [...NATIVE_PACKAGES],
      write: false,
      metafile: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'silent',
      // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
      banner: {
        js: `// sagepack inference code for model ${options.model}; built by \`pnpm bundle ${options.model}\`.\n${ESM_BANNER}`,
      },
    })
  } catch (error) {
    const errors =
      (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors ?? []
    throw new UserError({
      input: options.entry
        ? relative(options.workspaceRoot, options.entry)
        : `the default handler of ${options.model}`,
      problem: `esbuild could not bundle the inference code: ${
        errors
          .map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`)
          .join('; ') || (error as Error).message
      }`,
      fix: 'fix the import or syntax error it names, then bundle again',
    })
  }
  const output = result.outputFiles?.[0]
  if (!output) throw new Error('esbuild produced no output for the inference code')
  const imported = new Set(
    Object.values(result.metafile?.outputs ?? {}).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    ),
  )
  const resolveFrom = createRequire(options.entry ?? join(options.workspaceRoot, 'package.json'))
  const externals: Record<string, string> = {}
  for (const name of NATIVE_PACKAGES) {
    if (imported.has(name)) externals[name] = installedVersion(resolveFrom, name)
  }
  return { source: output.contents, externals }
}

export function installedVersion(require: NodeJS.Require, name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version
  } catch {
    return '*'
  }
}
