// The bundle `serve` and `predict` use: --bundle when given, else models/<model>/dist/model.tar.gz,
// built first when it does not exist yet.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BUNDLE_FILE } from '@sagepack/bundle'
import { UserError } from '@sagepack/core-data'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { buildBundle } from './build-bundle'

export async function bundleForModel(options: {
  workspaceRoot: string
  folder: ModelFolder
  runsRoot: string
  bundle?: string
  out?: NodeJS.WritableStream
}): Promise<string | null> {
  if (options.bundle) {
    const path = resolve(options.bundle)
    if (!existsSync(path)) {
      throw new UserError({
        input: `--bundle ${options.bundle}`,
        problem: 'does not exist',
        expected: 'a model.tar.gz path',
        fix: `run \`pnpm bundle ${options.folder.name}\``,
      })
    }
    return path
  }
  const path = join(options.folder.dir, BUNDLE_FILE)
  if (existsSync(path)) return path
  const out = options.out ?? process.stdout
  out.write(
    `${options.folder.name} has no bundle yet: bundling it first (pnpm bundle ${options.folder.name}).\n`,
  )
  const built = await buildBundle({ ...options, out })
  return built?.path ?? null
}
