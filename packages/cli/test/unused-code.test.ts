// The unused-code check `pnpm lint` runs (knip with knip.jsonc), run on a small planted workspace: an
// orphan file, an export nobody imports and a dependency nothing uses are each reported.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { WORKSPACE_ROOT } from './run-cli'

const run = promisify(execFile)
const KNIP = join(WORKSPACE_ROOT, 'node_modules', '.bin', 'knip')

interface KnipIssue {
  file: string
  files: Array<{ name: string }>
  exports: Array<{ name: string }>
  dependencies: Array<{ name: string }>
}

async function knipIssues(files: Record<string, string>): Promise<KnipIssue[]> {
  const root = await mkdtemp(join(tmpdir(), 'sagepack-knip-'))
  const tree = {
    'package.json': '{"name":"planted","private":true,"type":"module"}\n',
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
    ...files,
  }
  for (const [path, source] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), source)
  }
  // knip exits 1 when it finds something; its JSON report is on stdout either way.
  const { stdout } = await run(
    KNIP,
    ['--no-progress', '--config', join(WORKSPACE_ROOT, 'knip.jsonc'), '--reporter', 'json'],
    { cwd: root },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
  return (JSON.parse(stdout) as { issues: KnipIssue[] }).issues
}

const PACKAGE = {
  'packages/demo/package.json':
    '{"name":"@sagepack/demo","private":true,"type":"module","exports":{".":"./src/index.ts"}}\n',
  'packages/demo/src/index.ts': "import { used } from './lib'\nexport const value = used()\n",
  'packages/demo/src/lib.ts': 'export function used() {\n  return 1\n}\n',
}

describe('the unused-code check (pnpm lint)', () => {
  it('passes a package whose every file, export and dependency is used', async () => {
    expect(await knipIssues(PACKAGE)).toEqual([])
  })

  it('reports an orphan file, an unused export and an unused dependency', async () => {
    const issues = await knipIssues({
      ...PACKAGE,
      'packages/demo/package.json':
        '{"name":"@sagepack/demo","private":true,"type":"module","exports":{".":"./src/index.ts"},"dependencies":{"tar":"*"}}\n',
      'packages/demo/src/lib.ts':
        'export function used() {\n  return 1\n}\nexport function forgotten() {\n  return 2\n}\n',
      'packages/demo/src/orphan.ts': 'export const orphan = 3\n',
    })
    const found = issues.flatMap((issue) => [
      ...issue.files.map((f) => `file ${f.name}`),
      ...issue.exports.map((e) => `export ${issue.file} ${e.name}`),
      ...issue.dependencies.map((d) => `dependency ${issue.file} ${d.name}`),
    ])
    expect(found.sort()).toEqual([
      'dependency packages/demo/package.json tar',
      'export packages/demo/src/lib.ts forgotten',
      'file packages/demo/src/orphan.ts',
    ])
  })
})
