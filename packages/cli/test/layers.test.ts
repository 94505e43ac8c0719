// The layer check `pnpm lint` runs (.dependency-cruiser.cjs), run on small planted trees: each kind of
// violation is reported under its rule, and a tree that keeps the layers passes.
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { WORKSPACE_ROOT } from './run-cli'

const run = promisify(execFile)
const CONFIG = join(WORKSPACE_ROOT, '.dependency-cruiser.cjs')
const DEPCRUISE = join(WORKSPACE_ROOT, 'node_modules', '.bin', 'depcruise')

interface Violation {
  rule: { name: string }
  from: string
  to: string
}

/** Writes `files` (path -> source) into a fresh tree and returns depcruise's violations on it. */
async function violationsIn(files: Record<string, string>): Promise<Violation[]> {
  const root = await mkdtemp(join(tmpdir(), 'sagepack-layers-'))
  await copyFile(join(WORKSPACE_ROOT, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'))
  for (const [path, source] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), source)
  }
  const folders = [...new Set(Object.keys(files).map((path) => path.split('/')[0] as string))]
  // depcruise exits non-zero when it finds violations; its JSON report is on stdout either way.
  const { stdout } = await run(DEPCRUISE, [...folders, '--config', CONFIG, '--output-type', 'json'], {
    cwd: root,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations
}

const LIBRARIES = {
  'packages/core-data/src/index.ts': 'export const data = 1\n',
  'packages/bundle/src/index.ts':
    "import { data } from '../../core-data/src/index.ts'\nexport const bundle = data\n",
  'packages/bundle/src/archive/write-archive.ts': 'export const internal = 2\n',
}

describe('the layer check (pnpm lint)', () => {
  it('passes a tree that imports downwards through public entries', async () => {
    const violations = await violationsIn({
      ...LIBRARIES,
      'packages/core-serve/src/index.ts':
        "import { bundle } from '../../bundle/src/index.ts'\nexport const s = bundle\n",
      'models/iris/inference/index.ts':
        "import { data } from '../../../packages/core-data/src/index.ts'\nexport default data\n",
    })
    expect(violations).toEqual([])
  })

  it('fails an upward import, naming the layer rule', async () => {
    const violations = await violationsIn({
      ...LIBRARIES,
      'packages/core-data/src/reads-bundle.ts': "export { bundle } from '../../bundle/src/index.ts'\n",
    })
    expect(violations.map((v) => [v.rule.name, v.from, v.to])).toEqual([
      ['layer:packages/core-data', 'packages/core-data/src/reads-bundle.ts', 'packages/bundle/src/index.ts'],
    ])
  })

  it("fails a reach into another package's internals past its public entry", async () => {
    const violations = await violationsIn({
      ...LIBRARIES,
      'packages/runs/src/index.ts': "export { internal } from '../../bundle/src/archive/write-archive.ts'\n",
    })
    expect(violations.map((v) => [v.rule.name, v.from, v.to])).toEqual([
      ['public-entries-only', 'packages/runs/src/index.ts', 'packages/bundle/src/archive/write-archive.ts'],
    ])
  })

  it('fails a model importing another model, and anything importing the CLI', async () => {
    const violations = await violationsIn({
      ...LIBRARIES,
      'models/spam/train/index.ts': 'export const spam = 3\n',
      'models/iris/train/index.ts': "export { spam } from '../../spam/train/index.ts'\n",
      'packages/cli/src/main.ts': 'export const main = 4\n',
      'packages/aws/src/index.ts': "export { main } from '../../cli/src/main.ts'\n",
    })
    expect(violations.map((v) => [v.rule.name, v.from]).sort()).toEqual([
      ['layer:cli-is-on-top', 'packages/aws/src/index.ts'],
      ['layer:models', 'models/iris/train/index.ts'],
      ['layer:packages/aws', 'packages/aws/src/index.ts'],
      ['public-entries-only', 'packages/aws/src/index.ts'],
    ])
  })

  it('fails modules that import each other', async () => {
    const violations = await violationsIn({
      'packages/core-train/src/a.ts': "import { b } from './b.ts'\nexport const a = () => b\n",
      'packages/core-train/src/b.ts': "import { a } from './a.ts'\nexport const b = () => a\n",
    })
    expect(violations.map((v) => v.rule.name)).toEqual(['no-circular'])
  })

  it('has a layer rule for every package but the CLI, which sits on top', async () => {
    const config = createRequire(import.meta.url)(CONFIG) as { forbidden: Array<{ name: string }> }
    const rules = new Set(config.forbidden.map((rule) => rule.name))
    const packages = (await readdir(join(WORKSPACE_ROOT, 'packages'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && entry.name !== 'cli')
      .map((entry) => `layer:packages/${entry.name}`)
    expect(packages.length).toBeGreaterThanOrEqual(6)
    expect(packages.filter((name) => !rules.has(name))).toEqual([])
  })
})
