import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findRunFolder, listRunFolders, modelsWithRuns } from './model-run-folders'

async function runsRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'run-folders-'))
  for (const dir of [
    'iris/20261102-000000-bbbb',
    'iris/20261101-000000-aaaa',
    'iris/.tmp-pull',
    '.archive/iris/20261001-000000-zzzz',
    'wine/20261101-000000-cccc',
  ]) {
    await mkdir(join(root, dir), { recursive: true })
  }
  await writeFile(join(root, 'iris', 'notes.txt'), 'not a run')
  return root
}

describe('model run folders', () => {
  it('lists runs oldest first, never dot-folders or files, archived ones only on request', async () => {
    const root = await runsRoot()
    expect(listRunFolders(root, 'iris').map((run) => run.runId)).toEqual([
      '20261101-000000-aaaa',
      '20261102-000000-bbbb',
    ])
    expect(listRunFolders(root, 'iris', { archived: true })).toEqual([
      {
        runId: '20261001-000000-zzzz',
        dir: join(root, '.archive', 'iris', '20261001-000000-zzzz'),
        archived: true,
      },
      { runId: '20261101-000000-aaaa', dir: join(root, 'iris', '20261101-000000-aaaa'), archived: false },
      { runId: '20261102-000000-bbbb', dir: join(root, 'iris', '20261102-000000-bbbb'), archived: false },
    ])
  })

  it('never takes .archive for a model', async () => {
    expect(modelsWithRuns(await runsRoot())).toEqual(['iris', 'wine'])
  })

  it('finds a run in daily use or archived, and names the runs there are otherwise', async () => {
    const root = await runsRoot()
    expect(findRunFolder(root, 'iris', '20261001-000000-zzzz').archived).toBe(true)
    expect(() => findRunFolder(root, 'iris', 'nope')).toThrow(
      'expected: one of: 20261101-000000-aaaa, 20261102-000000-bbbb',
    )
  })
})
