import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { selectRun } from './select-run'

function workspace(runs: Record<string, string>): { runsRoot: string; modelDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'select-run-'))
  for (const [id, status] of Object.entries(runs)) {
    mkdirSync(join(root, 'runs', 'iris', id), { recursive: true })
    writeFileSync(join(root, 'runs', 'iris', id, 'run.json'), JSON.stringify({ id, status }))
  }
  mkdirSync(join(root, 'models', 'iris'), { recursive: true })
  return { runsRoot: join(root, 'runs'), modelDir: join(root, 'models', 'iris') }
}

const runs = {
  '20261101-000000-aaaa': 'completed',
  '20261102-000000-bbbb': 'completed',
  '20261103-000000-cccc': 'failed',
}

describe('selectRun', () => {
  it('takes the latest completed run, skipping failed ones', async () => {
    const ws = workspace(runs)
    expect(await selectRun({ ...ws, model: 'iris' })).toMatchObject({
      runId: '20261102-000000-bbbb',
      reason: 'latest',
    })
  })

  it('prefers the run release.json promotes', async () => {
    const ws = workspace(runs)
    writeFileSync(join(ws.modelDir, 'release.json'), JSON.stringify({ runId: '20261101-000000-aaaa' }))
    expect(await selectRun({ ...ws, model: 'iris' })).toMatchObject({
      runId: '20261101-000000-aaaa',
      reason: 'release',
    })
  })

  it('prefers --run over release.json', async () => {
    const ws = workspace(runs)
    writeFileSync(join(ws.modelDir, 'release.json'), JSON.stringify({ runId: '20261101-000000-aaaa' }))
    expect(await selectRun({ ...ws, model: 'iris', runId: '20261102-000000-bbbb' })).toMatchObject({
      reason: 'flag',
    })
  })

  it('refuses a run that did not complete, or does not exist, naming where it was asked for', async () => {
    const ws = workspace(runs)
    await expect(selectRun({ ...ws, model: 'iris', runId: '20261103-000000-cccc' })).rejects.toThrow(
      'run 20261103-000000-cccc of iris is failed, not completed',
    )
    writeFileSync(join(ws.modelDir, 'release.json'), JSON.stringify({ runId: 'gone' }))
    const error = await selectRun({ ...ws, model: 'iris' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).input).toBe(`${join(ws.modelDir, 'release.json')}: "runId"`)
  })

  it('never takes a dot-folder or an archived run for the latest one', async () => {
    const ws = workspace(runs)
    for (const dir of [join('iris', '.partial'), join('.archive', 'iris', '20261201-000000-dddd')]) {
      mkdirSync(join(ws.runsRoot, dir), { recursive: true })
      writeFileSync(join(ws.runsRoot, dir, 'run.json'), JSON.stringify({ status: 'completed' }))
    }
    expect(await selectRun({ ...ws, model: 'iris' })).toMatchObject({ runId: '20261102-000000-bbbb' })
  })

  it('hands on what release.json holds, and says when the released run was archived', async () => {
    const ws = workspace(runs)
    const release = { runId: '20261101-000000-aaaa', sha256: 'a'.repeat(64) }
    writeFileSync(join(ws.modelDir, 'release.json'), JSON.stringify(release))
    expect((await selectRun({ ...ws, model: 'iris' }))?.release).toEqual({
      file: join(ws.modelDir, 'release.json'),
      content: release,
    })
    mkdirSync(join(ws.runsRoot, '.archive', 'iris'), { recursive: true })
    renameSync(join(ws.runsRoot, 'iris', release.runId), join(ws.runsRoot, '.archive', 'iris', release.runId))
    await expect(selectRun({ ...ws, model: 'iris' })).rejects.toThrow(
      `run ${release.runId} of iris is archived (${join(ws.runsRoot, '.archive', 'iris', release.runId)})`,
    )
  })

  it('refuses a release.json whose sha256 is not a digest', async () => {
    const ws = workspace(runs)
    writeFileSync(
      join(ws.modelDir, 'release.json'),
      JSON.stringify({ runId: '20261101-000000-aaaa', sha256: 'abc' }),
    )
    await expect(selectRun({ ...ws, model: 'iris' })).rejects.toThrow('"sha256": is "abc"')
  })

  it('returns null when there is no completed run, so the caller can train first', async () => {
    expect(await selectRun({ ...workspace({ x: 'failed' }), model: 'iris' })).toBeNull()
    expect(await selectRun({ ...workspace({}), model: 'iris' })).toBeNull()
  })
})
