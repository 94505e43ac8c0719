// Creates a model folder from a template: checks the name and team, writes models/<name>/ whole or
// not at all, then gives it to the team in .github/CODEOWNERS, removing the folder again if that fails.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '@sagepack/core-data'
import { CODEOWNERS_FILE, withModelOwner } from './codeowners-model-line'
import { checkModelNameFree } from './model-name-free'
import { checkModelName } from './model-name-rules'
import { type ModelTemplate, renderTemplate } from './model-templates'
import { checkTeam } from './team-handle'
import { writeFolderAtomically } from './write-folder-atomically'

export interface CreateModelOptions {
  workspaceRoot: string
  name: string
  team: string
  template: ModelTemplate
  /** How CODEOWNERS is replaced: atomically by default; tests make it fail. */
  writeCodeowners?: (path: string, text: string) => Promise<void>
}

export interface CreatedModel {
  /** The new folder. */
  dir: string
  /** Its files, relative to the folder. */
  files: string[]
  /** False when CODEOWNERS already gave the folder to the team. */
  codeownersChanged: boolean
}

export async function createModel(options: CreateModelOptions): Promise<CreatedModel> {
  const { workspaceRoot, name, team } = options
  checkModelName(name)
  checkTeam(team)
  await checkModelNameFree(workspaceRoot, name)
  const codeownersPath = join(workspaceRoot, CODEOWNERS_FILE)
  const codeowners = await readFile(codeownersPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  // Computed before anything is written: a conflicting owner line stops here.
  const withOwner = withModelOwner(codeowners, name, team)
  const files = await renderTemplate(options.template, name)

  const dir = join(workspaceRoot, 'models', name)
  await writeFolderAtomically(dir, files, workspaceRoot)
  const codeownersChanged = withOwner !== codeowners
  if (codeownersChanged) {
    try {
      await (options.writeCodeowners ?? writeFileAtomic)(codeownersPath, withOwner)
    } catch (error) {
      await rm(dir, { recursive: true, force: true })
      throw error
    }
  }
  return { dir, files: files.map((file) => file.path), codeownersChanged }
}
