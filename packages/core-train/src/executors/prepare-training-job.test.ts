import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { prepareTrainingJob } from './prepare-training-job'
import { fixtureWorkspace } from './test-fixtures/fixture-workspace'

describe('prepareTrainingJob', () => {
  it('refuses a local channel that does not exist before any run directory is made', async () => {
    const workspaceRoot = fixtureWorkspace()
    const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
    const error = await prepareTrainingJob({
      workspaceRoot,
      model: 'fixture',
      runsRoot,
      env: {},
      sets: ['channels.train=missing.csv'],
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).input).toBe(
      `channel "train" (${join(workspaceRoot, 'models', 'fixture', 'missing.csv')})`,
    )
    expect((error as UserError).fix).toContain('--set channels.train=<path>')
    expect(existsSync(join(runsRoot, 'fixture')) ? readdirSync(join(runsRoot, 'fixture')) : []).toEqual([])
  })
})
