import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fixtureJobSpec } from '../contract/test-fixtures/fixture-job-spec'
import { createRunDirectory } from '../runs/run-directory'
import { runLocalTraining } from './local-executor'

const ENTRY = fileURLToPath(new URL('../contract/test-fixtures/fixture-entry.ts', import.meta.url))

async function runFixture(mode: string) {
  const workspace = mkdtempSync(join(tmpdir(), 'sagepack-ws-'))
  const { runId, dir } = await createRunDirectory(workspace, 'fixture')
  const spec = fixtureJobSpec(workspace, runId, { epochs: 2, mode })
  const out = new PassThrough()
  let printed = ''
  out.on('data', (chunk) => {
    printed += chunk
  })
  const result = await runLocalTraining({
    workspaceRoot: workspace,
    model: 'fixture',
    trainEntry: ENTRY,
    spec,
    runId,
    runDir: dir,
    stdout: out,
    stderr: out,
  })
  return { result, spec, dir, printed }
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))

describe('runLocalTraining', () => {
  it('runs the job spec under the SageMaker layout and collects a complete run', async () => {
    const { result, spec, dir, printed } = await runFixture('ok')
    expect(result.status).toBe('completed')
    expect(result.exitCode).toBe(0)
    // The run's files are the spec, laid out the way SageMaker lays it out.
    expect(readJson(join(dir, 'job.json'))).toEqual(spec)
    expect(readJson(join(dir, 'input', 'config', 'hyperparameters.json'))).toEqual(spec.HyperParameters)
    expect(readJson(join(dir, 'input', 'config', 'inputdataconfig.json'))).toEqual({
      train: {
        ContentType: 'text/csv',
        TrainingInputMode: 'File',
        S3DistributionType: 'FullyReplicated',
        RecordWrapperType: 'None',
      },
    })
    expect(readJson(join(dir, 'input', 'config', 'resourceconfig.json'))).toMatchObject({
      current_host: 'algo-1',
      hosts: ['algo-1'],
    })
    expect(readFileSync(join(dir, 'input', 'data', 'train', 'train.csv'), 'utf8')).toBe('x,y\n1,2\n')
    // output/data moved to the top of the run, like an unpacked output.tar.gz.
    expect(readJson(join(dir, 'config.json'))).toMatchObject({ epochs: 2, mode: 'ok' })
    expect(readJson(join(dir, 'seen.json')).epochs).toBe(2)
    expect(existsSync(join(dir, 'model', 'weights.bin'))).toBe(true)
    expect(readFileSync(join(dir, 'logs', 'train.log'), 'utf8')).toContain('train_loss=0.5')
    expect(printed).toContain('train_loss=0.5')
    const record = readJson(join(dir, 'run.json'))
    expect(record).toMatchObject({
      id: result.runId,
      model: 'fixture',
      executor: 'local',
      status: 'completed',
      exitCode: 0,
    })
    expect(record.git).toEqual({ commit: null, dirty: false })
  })

  it('records a failed run with its reason and exit code', async () => {
    const { result, dir } = await runFixture('throw')
    expect(result.status).toBe('failed')
    expect(result.exitCode).toBe(1)
    expect(result.failureReason).toMatch(/^TypeError: kaboom/)
    expect(readJson(join(dir, 'run.json'))).toMatchObject({
      status: 'failed',
      exitCode: 1,
      failure: 'TypeError: kaboom in the model code',
    })
  })

  it('never reuses a run directory', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'sagepack-ws-'))
    await createRunDirectory(workspace, 'm', 'same-id')
    await expect(createRunDirectory(workspace, 'm', 'same-id')).rejects.toThrow(/EEXIST/)
  })
})
