// Test support: a throwaway sagepack workspace in a temp folder, for commands that write into models/
// and .github/ (new-model) without touching the real ones. It holds the real workspace's root files
// (with the two .ci/ files the shared vitest config imports) and CODEOWNERS, an empty models/, and a
// node_modules/ of links to the real one's packages (links one by one, so what tools write into
// node_modules/ stays here); a model generated into it gets its dependencies linked to where the real
// workspace has them installed, as pnpm install would.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { WORKSPACE_ROOT } from './run-cli'

// vitest.shared.ts reads the report names and the reporter of errors outside tests from .ci/.
const ROOT_FILES = [
  'package.json',
  'pnpm-workspace.yaml',
  'tsconfig.base.json',
  'vitest.shared.ts',
  '.ci/test-report-files.ts',
  '.ci/unhandled-errors-reporter.ts',
  '.npmrc',
]

export function throwawayWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-workspace-'))
  for (const file of [...ROOT_FILES, '.github/CODEOWNERS']) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    copyFileSync(join(WORKSPACE_ROOT, file), join(root, file))
  }
  mkdirSync(join(root, 'models'))
  const installed = join(WORKSPACE_ROOT, 'node_modules')
  mkdirSync(join(root, 'node_modules'))
  for (const entry of readdirSync(installed)) {
    // .bin's scripts reach the packages through ../<name>, which the links below provide.
    if (entry.startsWith('.') && entry !== '.bin') continue
    symlinkSync(realpathSync(join(installed, entry)), join(root, 'node_modules', entry))
  }
  return root
}

/** Where the real workspace has packages installed: the root's and each platform package's node_modules. */
function installedIn(): string[] {
  const packages = join(WORKSPACE_ROOT, 'packages')
  return [
    join(WORKSPACE_ROOT, 'node_modules'),
    ...readdirSync(packages).map((name) => join(packages, name, 'node_modules')),
  ].filter(existsSync)
}

/** Links every dependency in models/<name>/package.json to its installed copy, as pnpm install would. */
export function linkModelDependencies(root: string, name: string): void {
  const modelDir = join(root, 'models', name)
  const manifest = JSON.parse(readFileSync(join(modelDir, 'package.json'), 'utf8'))
  const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
  const places = installedIn()
  for (const dependency of dependencies) {
    const installed = places.map((place) => join(place, dependency)).find(existsSync)
    if (!installed)
      throw new Error(`${dependency} is not installed in ${WORKSPACE_ROOT}; run pnpm install there`)
    const link = join(modelDir, 'node_modules', dependency)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(realpathSync(installed), link)
  }
}
