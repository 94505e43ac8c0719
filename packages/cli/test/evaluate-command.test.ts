// `sagepack evaluate` on a real iris run, and the evaluation `sagepack train` ends with: the headline,
// the Markdown summary CI appends to the job summary, --fail-on-gate, and an evaluation that fails on
// a bad slice while the run it evaluates stays completed.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sagepack } from './run-cli'
import { runMain } from './run-main'

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
let runsRoot: string
let runId: string

beforeAll(async () => {
  runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-evaluate-'))
  const trained = await sagepack(['train', 'iris', '--runs-dir', runsRoot, '--set', 'train.epochs=8'])
  expect(trained.code, trained.stderr).toBe(0)
  runId = readdirSync(join(runsRoot, 'iris'))[0] as string
}, 180_000)

describe('sagepack evaluate', () => {
  it('rewrites the report of the latest run and prints its headline', async () => {
    const evaluated = await runMain(
      'evaluate',
      'iris',
      '--runs-dir',
      runsRoot,
      '--set',
      'evaluate.bootstrapResamples=100',
    )
    expect(evaluated.code, evaluated.stderr).toBe(0)
    const report = readJson(join(runsRoot, 'iris', runId, 'report', 'report.json'))
    expect(report.bootstrap.resamples).toBe(100)
    const lines = evaluated.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^test metric +value +95% interval +baseline +champion/)
    expect(lines.slice(1, 9).map((line) => line.split(/ +/)[0])).toEqual(
      report.headline.map((row: { metric: string }) => row.metric),
    )
    expect(lines.at(-1)).toBe(`report: ${join(runsRoot, 'iris', runId, 'report', 'index.html')}`)
  }, 120_000)

  it('appends the Markdown summary, and exits 1 on a failed gate with --fail-on-gate', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md')
    writeFileSync(summary, '# CI\n')
    const evaluated = await runMain(
      'evaluate',
      'iris',
      '--run',
      runId,
      '--runs-dir',
      runsRoot,
      '--markdown',
      summary,
      '--fail-on-gate',
      '--set',
      'evaluate.gates=[{"metric":"accuracy","floor":1.01}]',
      '--set',
      'evaluate.bootstrapResamples=100',
    )
    expect(evaluated.code).toBe(1)
    expect(evaluated.stderr).toMatch(/^1 gate failed:\n {2}accuracy [0-9.]+ is below its floor 1\.01\n$/)
    const markdown = readFileSync(summary, 'utf8')
    expect(
      markdown.startsWith(`# CI\n### iris: run \`${runId}\` against champion none — ❌ 1 gate failed\n`),
    ).toBe(true)
    expect(markdown).toContain('| ❌ floor 1.01 |')
  }, 120_000)

  it('refuses a run that is not there, naming the runs there are', async () => {
    const refused = await runMain('evaluate', 'iris', '--runs-dir', runsRoot, '--run', '20240101-000000-dead')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('error: run iris/20240101-000000-dead: there is no run folder')
    expect(refused.stderr).toContain(`expected: one of: ${runId}`)
  })
})

describe('sagepack train, when its evaluation fails', () => {
  it('exits 2 naming the problem, and keeps the completed run without a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagepack-evaluate-bad-'))
    const trained = await sagepack([
      'train',
      'iris',
      '--runs-dir',
      dir,
      '--set',
      'train.epochs=2',
      '--set',
      'evaluate.slices=[{"column":"petal_colour"}]',
    ])
    expect(trained.code).toBe(2)
    const [id] = readdirSync(join(dir, 'iris'))
    expect(trained.stderr).toContain(`run ${id} completed, but its evaluation failed:\n`)
    expect(trained.stderr).toContain('evaluate.slices[0].column: names the column "petal_colour"')
    expect(trained.stderr).toContain(`fix it, then: pnpm sagepack evaluate iris --run ${id}\n`)
    expect(readJson(join(dir, 'iris', id as string, 'run.json')).status).toBe('completed')
    expect(existsSync(join(dir, 'iris', id as string, 'report'))).toBe(false)
  }, 180_000)
})
