import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCommand, sagepack, startSagepack } from './run-cli'

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const onlyRun = (runsRoot: string) => {
  const runs = readdirSync(join(runsRoot, 'iris'))
  expect(runs).toHaveLength(1)
  return join(runsRoot, 'iris', runs[0] as string)
}

describe('pnpm train iris (end to end, from the command line)', () => {
  let runsRoot: string
  let result: Awaited<ReturnType<typeof runCommand>>

  beforeAll(async () => {
    runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
    result = await runCommand('pnpm', ['--silent', 'train', 'iris', '--runs-dir', runsRoot])
  }, 120_000)

  it('exits 0 and prints one metric line per epoch and the test metrics', () => {
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(
      /^epoch=1 train_loss=[0-9.e-]+ train_accuracy=[0-9.e-]+ val_loss=[0-9.e-]+ val_accuracy=/m,
    )
    expect(result.stdout).toMatch(/^test_accuracy=[0-9.]+ /m)
    expect(result.stdout).toMatch(/tfjs backend wasm/)
  })

  it('writes a complete run directory', () => {
    const run = onlyRun(runsRoot)
    for (const file of [
      'run.json',
      'job.json',
      'config.json',
      'metrics.json',
      'data-checks.json',
      'results/train-predictions.csv',
      'results/validation-predictions.csv',
      'results/test-predictions.csv',
      'model/model.json',
      'model/weights.bin',
      'model/preprocessor.json',
      'logs/train.log',
      'input/config/hyperparameters.json',
      'input/data/train/iris.csv',
    ]) {
      expect(existsSync(join(run, file)), file).toBe(true)
    }
    const record = readJson(join(run, 'run.json'))
    expect(record).toMatchObject({ model: 'iris', executor: 'local', status: 'completed', exitCode: 0 })
    expect(record.git.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(typeof record.git.dirty).toBe('boolean')
    expect(readJson(join(run, 'data-checks.json')).passed).toBe(true)
    expect(readFileSync(join(run, 'logs', 'train.log'), 'utf8')).toContain('epoch=1 ')
  })

  it('ends with the evaluation report of the run, and prints its headline', () => {
    const run = onlyRun(runsRoot)
    const report = readJson(join(run, 'report', 'report.json'))
    expect(report).toMatchObject({ format: 'sagepack.evaluation/v1', model: 'iris', task: 'classification' })
    expect(report.run.runId).toBe(run.split('/').at(-1))
    expect(existsSync(join(run, 'report', 'index.html'))).toBe(true)
    expect(result.stdout).toMatch(
      /\nevaluated in [0-9.]+ s\ntest metric +value +95% interval +baseline +champion/,
    )
    expect(result.stdout).toMatch(
      new RegExp(`\\nreport: \\S*${run.split('/').at(-1)}/report/index\\.html\\n`),
    )
  })

  it('reaches test accuracy >= 0.90 and records what it trained with', () => {
    const run = onlyRun(runsRoot)
    const metrics = readJson(join(run, 'metrics.json'))
    expect(metrics.test.accuracy).toBeGreaterThanOrEqual(0.9)
    expect(metrics.data).toMatchObject({ rows: 150, droppedDuplicates: 1 })
    expect(metrics.data.train + metrics.data.validation + metrics.data.test).toBe(149)
    expect(metrics.backend.name).toBe('wasm')
    // The servable ONNX export predicts what tfjs predicts on every test row.
    expect(metrics.onnx).toMatchObject({ exported: true, rows: metrics.data.test })
    expect(metrics.onnx.maxAbsDiff).toBeLessThan(1e-5)
    expect(existsSync(join(run, 'model', 'model.onnx'))).toBe(true)
    // The local run executed the job spec: its hyperparameters are the resolved config.
    const job = readJson(join(run, 'job.json'))
    expect(job.HyperParameters['train.epochs']).toBe(String(readJson(join(run, 'config.json')).train.epochs))
    expect(job.AlgorithmSpecification.MetricDefinitions.map((m: { Name: string }) => m.Name)).toContain(
      'val_accuracy',
    )
  })
})

describe('sagepack train: determinism and bad input', () => {
  it('gives identical metrics for the same seed, data and config', async () => {
    const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
    const args = ['train', 'iris', '--runs-dir', runsRoot, '--set', 'train.epochs=15', '--set', 'seed=7']
    expect((await sagepack(args)).code).toBe(0)
    expect((await sagepack(args)).code).toBe(0)
    const [a, b] = readdirSync(join(runsRoot, 'iris')).map((id) => {
      const { test, validation, history } = readJson(join(runsRoot, 'iris', id, 'metrics.json'))
      return { test, validation, history }
    })
    expect(a).toBeDefined()
    expect(b).toEqual(a)
  }, 120_000)

  it('rejects a bad --set before any run starts, naming the key and the format', async () => {
    const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
    const result = await sagepack(['train', 'iris', '--runs-dir', runsRoot, '--set', 'train.epochs=abc'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('error: --set train.epochs=abc: train.epochs must be a positive integer')
    expect(result.stderr).toContain('expected format nat')
    expect(existsSync(join(runsRoot, 'iris'))).toBe(false)
  })

  it('names the models that exist when the model is unknown', async () => {
    const result = await sagepack(['train', 'irsi'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('model "irsi": there is no models/irsi/')
    expect(result.stderr).toContain('iris')
  })

  it('fails with the failure reason and a non-zero exit when training fails', async () => {
    const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
    const result = await sagepack(['train', 'iris', '--runs-dir', runsRoot, '--set', 'model.hiddenUnits=[0]'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('model.hiddenUnits=[0]: 0 is not a layer size')
    const run = onlyRun(runsRoot)
    expect(readJson(join(run, 'run.json'))).toMatchObject({ status: 'failed', exitCode: 1 })
    expect(readFileSync(join(run, 'output', 'failure'), 'utf8')).toMatch(
      /^model\.hiddenUnits=\[0\]: 0 is not a layer size/,
    )
  })
})

describe('stopping and resuming a run', () => {
  it('SIGTERM stops the job with a checkpoint; --resume continues from it to the end', async () => {
    const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
    const config = [
      '--set',
      'train.epochs=60',
      '--set',
      'train.patience=1000',
      '--set',
      'train.checkpointEvery=1',
    ]
    const first = startSagepack(['train', 'iris', '--runs-dir', runsRoot, ...config])
    await expect.poll(first.stdout, { timeout: 60_000, interval: 20 }).toMatch(/^epoch=3 /m)
    first.child.kill('SIGTERM')
    const stopped = await first.result
    expect(stopped.code).toBe(143)
    expect(stopped.stderr).toContain('Training was stopped by SIGTERM')
    const runId = onlyRun(runsRoot).split('/').at(-1) as string
    expect(stopped.stderr).toContain(`resume with: pnpm train iris --resume ${runId}`)
    expect(readJson(join(runsRoot, 'iris', runId, 'run.json'))).toMatchObject({
      status: 'stopped',
      exitCode: 143,
    })
    const stoppedAt = readJson(join(runsRoot, 'iris', runId, 'checkpoints', 'checkpoint.json'))
    expect(stoppedAt).toBeDefined()

    const resumed = await sagepack(['train', 'iris', '--runs-dir', runsRoot, ...config, '--resume', runId])
    expect(resumed.code, resumed.stderr).toBe(0)
    const secondId = readdirSync(join(runsRoot, 'iris')).find((id) => id !== runId) as string
    const metrics = readJson(join(runsRoot, 'iris', secondId, 'metrics.json'))
    expect(metrics.fit.resumedFromEpoch).toBeGreaterThanOrEqual(3)
    expect(metrics.fit.lastEpoch).toBe(60)
    expect(metrics.history).toHaveLength(60)
    expect(readJson(join(runsRoot, 'iris', secondId, 'run.json')).resumedFrom).toBe(runId)
  }, 120_000)

  it('refuses --resume of a run that does not exist', async () => {
    const result = await sagepack([
      'train',
      'iris',
      '--runs-dir',
      mkdtempSync(join(tmpdir(), 'r-')),
      '--resume',
      'nope',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--resume nope: there is no run nope of iris')
  })
})

describe('sagepack --help and config', () => {
  it('lists the commands', async () => {
    const result = await sagepack(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/train \[options\] <model>/)
    expect(result.stdout).toMatch(/config \[options\] <model>/)
    for (const command of ['bundle', 'serve', 'predict', 'inspect', 'deploy'])
      expect(result.stdout).toContain(`${command} [options]`)
    expect(result.stdout).toMatch(/new-model \[options\] <name>\s+scaffold models\/<name>\//)
    expect(result.stdout).not.toContain('(planned)')
  })

  it("prints the resolved config with each key's source and doc", async () => {
    const result = await sagepack(['config', 'iris', '--set', 'train.epochs=12'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^train\.epochs\s+12 {2}\(--set\)$/m)
    expect(result.stdout).toContain(
      'Maximum passes over the training split [format nat, default 200, env IRIS_TRAIN_EPOCHS]',
    )
    const json = await sagepack(['config', 'iris', '--json'], { IRIS_SEED: '5' })
    expect(JSON.parse(json.stdout).seed).toBe(5)
  })
})
