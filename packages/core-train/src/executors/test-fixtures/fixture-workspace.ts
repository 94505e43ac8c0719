// A throwaway workspace holding one model, `fixture`, whose config and train entry are the contract
// tests' fixtures: enough for prepareTrainingJob to find, load and prepare it like a real model.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const FIXTURES = fileURLToPath(new URL('../../contract/test-fixtures/', import.meta.url))

export function fixtureWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-ws-'))
  const modelDir = join(root, 'models', 'fixture')
  mkdirSync(join(modelDir, 'train'), { recursive: true })
  writeFileSync(join(root, 'pnpm-workspace.yaml'), "packages: ['models/*']\n")
  writeFileSync(
    join(modelDir, 'config.ts'),
    `export { default } from '${join(FIXTURES, 'fixture-config.ts')}'\n`,
  )
  writeFileSync(
    join(modelDir, 'train', 'index.ts'),
    `export { default } from '${join(FIXTURES, 'fixture-entry.ts')}'\n`,
  )
  // channels.train defaults to data.csv in the model folder.
  writeFileSync(join(modelDir, 'data.csv'), 'x,y\n1,2\n')
  return root
}
