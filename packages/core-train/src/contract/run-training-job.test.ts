import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { materializeJob } from '../executors/materialize-job'
import { silentLogger } from '../logging/create-logger'
import { EXIT_FAILED, EXIT_OK, EXIT_STOPPED, runTrainingJob } from './run-training-job'
import fixtureEntry from './test-fixtures/fixture-entry'
import { fixtureJobSpec } from './test-fixtures/fixture-job-spec'
import { trainingLayout } from './training-layout'

const silent = silentLogger

/** A root laid out from a real job spec, as the local executor does it. */
async function preparedRoot(mode: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-job-'))
  const spec = fixtureJobSpec(root, 'r1', { epochs: 5, mode })
  await materializeJob(spec, trainingLayout(join(root, 'ml')))
  return join(root, 'ml')
}

describe('runTrainingJob', () => {
  it('calls the entry with the config from hyperparameters, channels and SM_* variables', async () => {
    const root = await preparedRoot('ok')
    const code = await runTrainingJob({ root, loadEntry: async () => fixtureEntry, env: {}, log: silent })
    expect(code).toBe(EXIT_OK)
    const seen = JSON.parse(readFileSync(join(root, 'output', 'data', 'seen.json'), 'utf8'))
    expect(seen).toMatchObject({
      epochs: 5,
      files: ['train.csv'],
      channels: ['train'],
      env: { SM_MODEL_DIR: join(root, 'model'), SM_CHANNEL_TRAIN: join(root, 'input', 'data', 'train') },
      hyperparameters: { sagepack_model: 'fixture', epochs: 5, mode: 'ok' },
    })
    expect(JSON.parse(readFileSync(join(root, 'output', 'data', 'config.json'), 'utf8'))).toEqual({
      epochs: 5,
      mode: 'ok',
      channels: { train: join(root, '..', 'train.csv') },
    })
    expect(existsSync(join(root, 'output', 'failure'))).toBe(false)
  })

  it('writes the error to output/failure and returns non-zero when the entry throws', async () => {
    const root = await preparedRoot('throw')
    const code = await runTrainingJob({ root, loadEntry: async () => fixtureEntry, env: {}, log: silent })
    expect(code).toBe(EXIT_FAILED)
    const failure = readFileSync(join(root, 'output', 'failure'), 'utf8')
    expect(failure.startsWith('TypeError: kaboom in the model code\n')).toBe(true)
    expect(failure).toContain('fixture-entry.ts')
  })

  it('puts a user error first and without a stack, as SageMaker shows only 1024 characters', async () => {
    const root = await preparedRoot('user-error')
    expect(await runTrainingJob({ root, loadEntry: async () => fixtureEntry, env: {}, log: silent })).toBe(
      EXIT_FAILED,
    )
    expect(readFileSync(join(root, 'output', 'failure'), 'utf8')).toBe(
      'data.csv:3, column x: expected a number, got "abc"\n',
    )
  })

  it('fails before training on a bad hyperparameter, naming it', async () => {
    const root = await preparedRoot('ok')
    writeFileSync(join(root, 'input', 'config', 'hyperparameters.json'), JSON.stringify({ epochs: 'many' }))
    expect(await runTrainingJob({ root, loadEntry: async () => fixtureEntry, env: {}, log: silent })).toBe(
      EXIT_FAILED,
    )
    expect(readFileSync(join(root, 'output', 'failure'), 'utf8')).toMatch(
      /^hyperparameter "epochs"="many": epochs must be/,
    )
  })

  it('reports an entry that cannot be loaded', async () => {
    const root = await preparedRoot('ok')
    const loadEntry = async () => {
      throw new Error('Cannot find module /opt/ml/code/train.mjs')
    }
    expect(await runTrainingJob({ root, loadEntry, env: {}, log: silent })).toBe(EXIT_FAILED)
    expect(readFileSync(join(root, 'output', 'failure'), 'utf8')).toMatch(/^Error: Cannot find module/)
  })
})

const TRAIN_PROCESS = fileURLToPath(new URL('./train-process.ts', import.meta.url))
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const ENTRY = fileURLToPath(new URL('./test-fixtures/fixture-entry.ts', import.meta.url))

function startTrainProcess(root: string) {
  const child = spawn(process.execPath, ['--import', TSX, TRAIN_PROCESS], {
    env: { ...process.env, SAGEMAKER_BASE_DIR: root, SAGEPACK_TRAIN_ENTRY: ENTRY },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

describe('the train process (what the container runs)', () => {
  it('exits non-zero with output/failure when the entry throws', async () => {
    const root = await preparedRoot('throw')
    const run = startTrainProcess(root)
    expect(await run.exited).toBe(EXIT_FAILED)
    expect(readFileSync(join(root, 'output', 'failure'), 'utf8')).toMatch(
      /^TypeError: kaboom in the model code/,
    )
    expect(run.output()).toContain('training failed')
  })

  // The second mode: SIGTERM while a library's exit hook (signal-exit, as write-file-atomic installs
  // during each checkpoint write) is registered; the hook must not get to re-raise it and kill the job.
  it.each(['wait', 'wait-with-exit-hook'])(
    'on SIGTERM lets the entry save a checkpoint, then exits 143 with a failure reason (%s)',
    async (mode) => {
      const root = await preparedRoot(mode)
      const run = startTrainProcess(root)
      await expect.poll(run.output, { timeout: 20_000 }).toContain('waiting for SIGTERM')
      run.child.kill('SIGTERM')
      expect(await run.exited).toBe(EXIT_STOPPED)
      expect(readFileSync(join(root, 'checkpoints', 'checkpoint.json'), 'utf8')).toBe('{"epoch":1}')
      expect(readFileSync(join(root, 'output', 'failure'), 'utf8')).toMatch(
        /^Training was stopped by SIGTERM/,
      )
    },
  )
})
