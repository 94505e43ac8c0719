// The one esbuild step for a model's code: its entry (inference handler or train entry) and the core
// packages it uses, bundled into one ES module. Packages the runtime image provides stay external
// and are reported with the versions installed in the workspace.
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { build } from 'esbuild'
import { ESM_BANNER } from './esm-banner'
import { locationFreeComments } from './location-free-comments'

export interface EsModuleCode {
  source: Uint8Array
  /** External packages the bundled code imports, with the versions installed in the workspace. */
  externals: Record<string, string>
}

interface BuildEsModuleOptions {
  workspaceRoot: string
  /** A source file, or inline source (resolved from the workspace root) named for error messages. */
  entry: { path: string } | { contents: string; name: string }
  external: readonly string[]
  /** The comment the module starts with: what it is and which command built it. */
  header: string
  /** What failed to build, for the error: `the inference code`, `the training code`. */
  what: string
  /** How to try again once the error is fixed: `bundle again`, `train again`. */
  retry: string
}

export async function buildEsModule(options: BuildEsModuleOptions): Promise<EsModuleCode> {
  const { entry } = options
  let result: Awaited<ReturnType<typeof build>>
  try {
    result = await build({
      ...('path' in entry
        ? { entryPoints: [entry.path] }
        : { stdin: { contents: entry.contents, loader: 'js', resolveDir: options.workspaceRoot } }),
      absWorkingDir: options.workspaceRoot,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: [...options.external],
      write: false,
      metafile: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'silent',
      // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
      banner: { js: `${options.header}\n${ESM_BANNER}` },
    })
  } catch (error) {
    const errors =
      (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors ?? []
    throw new UserError({
      input: 'path' in entry ? relative(options.workspaceRoot, entry.path) : entry.name,
      problem: `esbuild could not bundle ${options.what}: ${
        errors
          .map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`)
          .join('; ') || (error as Error).message
      }`,
      fix: `fix the import or syntax error it names, then ${options.retry}`,
    })
  }
  const output = result.outputFiles?.[0]
  if (!output) throw new Error(`esbuild produced no output for ${options.what}`)
  const imported = new Set(
    Object.values(result.metafile?.outputs ?? {}).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    ),
  )
  const resolveFrom = createRequire(
    'path' in entry ? entry.path : join(options.workspaceRoot, 'package.json'),
  )
  const externals: Record<string, string> = {}
  for (const name of options.external) {
    if (imported.has(name)) externals[name] = installedVersion(resolveFrom, name)
  }
  const text = locationFreeComments(
    output.text,
    Object.keys(result.metafile?.inputs ?? {}),
    options.workspaceRoot,
  )
  return { source: new TextEncoder().encode(text), externals }
}

export function installedVersion(require: NodeJS.Require, name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version
  } catch {
    return '*'
  }
}
