// Test support: what the runtime package check reads, copied into a scratch workspace so a test can
// make the image's package lists drift (core-serve is linked, so the installed versions are the real ones).
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const workspaceRoot = fileURLToPath(new URL('../../../..', import.meta.url))
export const CPU = 'containers/runtime/package.json'
export const GPU = 'containers/runtime/package.gpu.json'

const installed = createRequire(join(workspaceRoot, 'packages', 'core-serve', 'package.json'))
/** The version pnpm installed from the catalog, which every test runs against. */
export const versionOf = (name: string) => (installed(`${name}/package.json`) as { version: string }).version
/** A version no catalog pins. */
export const OTHER = '0.0.1'

export type PackageList = { dependencies: Record<string, string> }
export const readPackageList = (root: string, file: string) =>
  JSON.parse(readFileSync(join(root, file), 'utf8')) as PackageList

/** A scratch workspace with both image package lists, each as `edit` leaves it, and core-serve linked. */
export function workspaceWith(edit: (file: string, list: PackageList) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-runtime-packages-'))
  mkdirSync(join(root, 'containers', 'runtime'), { recursive: true })
  mkdirSync(join(root, 'packages'))
  symlinkSync(join(workspaceRoot, 'packages', 'core-serve'), join(root, 'packages', 'core-serve'))
  for (const file of [CPU, GPU]) {
    const list = readPackageList(workspaceRoot, file)
    edit(file, list)
    writeFileSync(join(root, file), `${JSON.stringify(list, null, 2)}\n`)
  }
  return root
}
