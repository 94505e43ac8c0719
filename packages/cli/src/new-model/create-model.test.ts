import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import { afterAll, describe, expect, it } from 'vitest'
import { createModel } from './create-model'
import { renderTemplate } from './model-templates'

const CODEOWNERS = '*                 @sagepack/platform\n\n/models/iris/     @sagepack/botany\n'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

/** A fresh temp folder, removed after the tests. */
function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'new-model-'))
  roots.push(root)
  return root
}

/** A workspace with iris, a platform package, and CODEOWNERS: what new-model needs of one. */
function workspace(): string {
  const root = tempRoot()
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n  - models/*\n  - bench\n')
  mkdirSync(join(root, '.github'))
  writeFileSync(join(root, '.github', 'CODEOWNERS'), CODEOWNERS)
  for (const [dir, name] of [
    ['models/iris', '@sagepack/model-iris'],
    ['packages/core-data', '@sagepack/core-data'],
    ['packages/forecasts', '@sagepack/model-weather'],
    ['bench', '@sagepack/bench'],
  ] as const) {
    mkdirSync(join(root, dir), { recursive: true })
    writeFileSync(join(root, dir, 'package.json'), JSON.stringify({ name }))
  }
  return root
}

const codeowners = (root: string) => readFileSync(join(root, '.github', 'CODEOWNERS'), 'utf8')
/** Everything at the top level and under models/: a staging folder left behind would show here. */
const entries = (root: string) => [
  ...readdirSync(root),
  ...readdirSync(join(root, 'models')).map((m) => `models/${m}`),
]

function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e as Error,
  )
}

const options = (root: string, name = 'churn') =>
  ({ workspaceRoot: root, name, team: '@acme/growth', template: 'tabular-classifier' }) as const

describe('createModel', () => {
  it('writes the rendered template into models/<name>/ and gives the folder to the team', async () => {
    const root = workspace()
    const before = entries(root)
    const created = await createModel(options(root))
    expect(created.dir).toBe(join(root, 'models', 'churn'))
    const rendered = await renderTemplate('tabular-classifier', 'churn')
    expect(created.files).toEqual(rendered.map((file) => file.path))
    for (const file of rendered) expect(readFileSync(join(created.dir, file.path))).toEqual(file.content)
    expect(created.codeownersChanged).toBe(true)
    expect(codeowners(root)).toBe(
      CODEOWNERS.replace('/models/iris/', '/models/churn/    @acme/growth\n/models/iris/'),
    )
    expect(entries(root).sort()).toEqual([...before, 'models/churn'].sort())
  })

  it('adds the CODEOWNERS line once, also when it is already there', async () => {
    const root = workspace()
    writeFileSync(join(root, '.github', 'CODEOWNERS'), `${CODEOWNERS}/models/churn/    @acme/growth\n`)
    const created = await createModel(options(root))
    expect(created.codeownersChanged).toBe(false)
    expect(codeowners(root).match(/\/models\/churn\//g)).toHaveLength(1)
    const again = await failure(createModel(options(root)))
    expect(again.message).toContain('model name "churn": is taken: models/churn/ already exists')
    expect(codeowners(root).match(/\/models\/churn\//g)).toHaveLength(1)
  })

  it('refuses names another folder or package has, writing nothing', async () => {
    const root = workspace()
    const before = entries(root)
    for (const [name, problem] of [
      ['iris', 'is taken: models/iris/ already exists'],
      ['weather', 'is taken: the workspace package @sagepack/model-weather lives in packages/forecasts/'],
      ['core-data', 'is taken: the workspace package @sagepack/core-data lives in packages/core-data/'],
      ['bench', 'is taken: the workspace package @sagepack/bench lives in bench/'],
      ['test', 'is reserved'],
    ]) {
      const error = await failure(createModel(options(root, name)))
      expect(isUserError(error), String(error)).toBe(true)
      expect(error.message, name).toContain(`model name "${name}": ${problem}`)
    }
    const badTeam = await failure(createModel({ ...options(root), team: 'growth' }))
    expect(badTeam.message).toContain('--team growth: does not start with @')
    expect(entries(root)).toEqual(before)
    expect(codeowners(root)).toBe(CODEOWNERS)
  })

  it('refuses a folder CODEOWNERS already gives to another owner, writing nothing', async () => {
    const root = workspace()
    writeFileSync(join(root, '.github', 'CODEOWNERS'), `${CODEOWNERS}/models/churn/ @c/d\n`)
    const before = entries(root)
    const error = await failure(createModel(options(root)))
    expect(error.message).toContain('.github/CODEOWNERS:4: already gives /models/churn/ to @c/d')
    expect(entries(root)).toEqual(before)
  })

  it('removes the folder again when CODEOWNERS cannot be written after it', async () => {
    const root = workspace()
    const before = entries(root)
    const diskFull = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    const error = await failure(
      createModel({
        ...options(root),
        writeCodeowners: async () => {
          // The folder is in place when CODEOWNERS is written.
          expect(existsSync(join(root, 'models', 'churn', 'config.ts'))).toBe(true)
          throw diskFull
        },
      }),
    )
    expect(error).toBe(diskFull)
    expect(entries(root)).toEqual(before)
    expect(codeowners(root)).toBe(CODEOWNERS)
  })

  it('leaves no staging folder when the folder cannot be moved into place', async () => {
    // A file where models/ should be: the staging folder is written, the rename into models/ fails.
    const root = tempRoot()
    writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - models/*\n')
    writeFileSync(join(root, 'models'), 'not a folder')
    const error = await failure(createModel(options(root)))
    expect((error as NodeJS.ErrnoException).code).toMatch(/EEXIST|ENOTDIR/)
    expect(readdirSync(root).sort()).toEqual(['models', 'pnpm-workspace.yaml'])
  })
})
