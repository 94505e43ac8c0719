// Finds the workspace root and a model folder in it (models/<name>/ with config.ts and train/).
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { UserError } from '@sagepack/core-data'

export interface ModelFolder {
  name: string
  dir: string
  /** Optional per-model overrides of the config defaults. */
  configFile: string
  trainEntry: string
  inferenceEntry: string
}

export function findWorkspaceRoot(from: string = process.cwd()): string {
  let dir = resolve(from)
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    const parent = dirname(dir)
    if (parent === dir) {
      throw new UserError({
        input: from,
        problem: 'is not inside a sagepack workspace',
        expected: 'a folder with pnpm-workspace.yaml above it',
        fix: 'run the command from your sagepack checkout',
      })
    }
    dir = parent
  }
}

export function listModels(workspaceRoot: string): string[] {
  const modelsDir = join(workspaceRoot, 'models')
  if (!existsSync(modelsDir)) return []
  return readdirSync(modelsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(modelsDir, entry.name, 'config.ts')))
    .map((entry) => entry.name)
    .sort()
}

export function locateModel(workspaceRoot: string, name: string): ModelFolder {
  const dir = join(workspaceRoot, 'models', name)
  const trainEntry = join(dir, 'train', 'index.ts')
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(join(dir, 'config.ts')) || !existsSync(trainEntry)) {
    const known = listModels(workspaceRoot)
    throw new UserError({
      input: `model "${name}"`,
      problem: `there is no models/${name}/ with config.ts and train/index.ts`,
      expected: known.length > 0 ? `one of: ${known.join(', ')}` : 'a model folder under models/',
      fix: `check the name, or create it with \`pnpm new-model ${name} --team <@org/team>\``,
    })
  }
  return {
    name,
    dir,
    configFile: join(dir, 'config.json'),
    trainEntry,
    inferenceEntry: join(dir, 'inference', 'index.ts'),
  }
}
