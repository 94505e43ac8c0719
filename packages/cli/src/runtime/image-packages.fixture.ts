// Test support: the runtime image's node_modules as `npm install` of containers/runtime/package.json
// gives it, made of links to the workspace's copies (minus tfjs-node, which is not installable here).
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const IMAGE_PACKAGES = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../containers/runtime/package.json', import.meta.url)),
    'utf8',
  ),
) as { dependencies: Record<string, string> }
const fromCoreServe = createRequire(
  fileURLToPath(new URL('../../../core-serve/package.json', import.meta.url)),
)

export function linkImagePackages(nodeModules: string): void {
  for (const name of Object.keys(IMAGE_PACKAGES.dependencies)) {
    let packageDir: string
    try {
      packageDir = dirname(fromCoreServe.resolve(`${name}/package.json`))
    } catch {
      continue
    }
    mkdirSync(dirname(join(nodeModules, name)), { recursive: true })
    symlinkSync(packageDir, join(nodeModules, name))
  }
}
