// Whether a model name is still free in a workspace: no models/<name>/ (folder, file or link) and no
// workspace package that would share its package name.
import { lstat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { workspacePackages } from './workspace-packages'

export function modelPackageName(name: string): string {
  return `@sagepack/model-${name}`
}

export async function checkModelNameFree(workspaceRoot: string, name: string): Promise<void> {
  const folder = join('models', name)
  if (await lstat(join(workspaceRoot, folder)).then(Boolean, () => false)) {
    throw new UserError({
      input: `model name "${name}"`,
      problem: `is taken: ${folder}/ already exists`,
      expected: 'a name no model in this workspace uses',
      fix: `pick another name, or keep working in ${folder}/`,
    })
  }
  const clashes = new Set([modelPackageName(name), `@sagepack/${name}`])
  const taken = (await workspacePackages(workspaceRoot)).find((p) => clashes.has(p.name))
  if (taken) {
    throw new UserError({
      input: `model name "${name}"`,
      problem: `is taken: the workspace package ${taken.name} lives in ${relative(workspaceRoot, taken.dir)}/`,
      expected: 'a name no workspace package uses',
      fix: 'pick another name for the model',
    })
  }
}
