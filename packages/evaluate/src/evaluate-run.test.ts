// End to end on a real iris run (trained once by the real pipeline, into a throw-away runs folder):
// the report folder and what report.json says, the champion from release.json or another run, the
// gates, the errors a user can cause, and the page as a person sees it in a real headless Chromium.
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type ModelTrainedForTest, trainModelForTest } from '@sagepack/core-train/testing'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EvaluatedRun, evaluateRun } from './evaluate-run'
import type { EvaluationReport } from './report/report-types'
import { launchChromium } from './report/test-fixtures/launch-chromium'

const workspaceRoot = findWorkspaceRoot()
const folder = locateModel(workspaceRoot, 'iris')
const scratch = mkdtempSync(join(tmpdir(), 'evaluate-iris-'))
const noRelease = join(scratch, 'no-release.json')
let run: ModelTrainedForTest
let runsRoot: string
let runId: string
let evaluated: EvaluatedRun

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')
const evaluate = (options: Partial<Parameters<typeof evaluateRun>[0]> = {}) =>
  evaluateRun({ workspaceRoot, folder, runsRoot, runId, releaseFile: noRelease, ...options })

/** A copy of the trained run under `to` (its report left out), as another run to evaluate. */
let copies = 0
const copyRun = (to: string) => {
  copies++
  const id = `${runId}-copy${copies}`
  const dir = join(to, id)
  mkdirSync(to, { recursive: true })
  cpSync(run.runDir, dir, { recursive: true })
  rmSync(join(dir, 'report'), { recursive: true, force: true })
  return { id, dir }
}

beforeAll(async () => {
  run = await trainModelForTest({ model: 'iris', sets: ['train.epochs=30'] })
  runsRoot = dirname(dirname(run.runDir))
  runId = run.runDir.split('/').at(-1) as string
  evaluated = await evaluate()
}, 240_000)

afterAll(async () => {
  run?.trained.model.dispose()
  await run?.dispose()
  rmSync(scratch, { recursive: true, force: true })
})

describe('the report of a real iris run', () => {
  it('is written whole: index.html and report.json under the run, nothing left beside them', () => {
    expect(evaluated.reportDir).toBe(join(run.runDir, 'report'))
    expect(readdirSync(evaluated.reportDir).sort()).toEqual(['index.html', 'report.json'])
    expect(readdirSync(run.runDir).filter((name) => name.includes('report'))).toEqual(['report'])
    expect(readJson(join(evaluated.reportDir, 'report.json'))).toEqual(
      JSON.parse(JSON.stringify(evaluated.report)),
    )
  })

  it('names the run: commit, config and data digests, backend, training time', () => {
    const identity = evaluated.report.run
    const record = readJson(join(run.runDir, 'run.json'))
    expect(identity.runId).toBe(runId)
    expect(identity.git).toEqual({ commit: record.git.commit, dirty: record.git.dirty })
    expect(identity.configSha256).toBe(sha256(readFileSync(join(run.runDir, 'config.json'))))
    const csv = readFileSync(join(run.runDir, 'input', 'data', 'train', 'iris.csv'))
    expect(identity.data).toEqual([
      { channel: 'train', sha256: sha256(`${sha256(csv)}  iris.csv\n`), files: 1, bytes: csv.length },
    ])
    expect(identity.backend).toBe((run.metrics.backend as { name: string }).name)
    expect(identity.trainingSeconds).toBe(record.durationSeconds)
    expect(identity.epochs).toBe((run.metrics.fit as { epochsRun: number }).epochsRun)
  })

  it('scores the test split as training did, with intervals, beside the majority-class baseline', () => {
    const test = run.metrics.test as Record<string, number>
    const row = (metric: string) => evaluated.report.headline.find((r) => r.metric === metric)
    expect(evaluated.report.testRows).toBe((run.metrics.data as { test: number }).test)
    expect(row('accuracy')?.value).toBe(test.accuracy)
    expect(row('f1_macro')?.value).toBeCloseTo(test.f1_macro as number, 12)
    // Training clips at 1e-15 without renormalising; the report as sklearn does: a float32 hair apart.
    expect(row('log_loss')?.value).toBeCloseTo(test.log_loss as number, 5)
    for (const r of evaluated.report.headline) {
      expect(r.interval?.[0], r.metric).toBeLessThanOrEqual(r.value as number)
      expect(r.interval?.[1], r.metric).toBeGreaterThanOrEqual(r.value as number)
    }
    expect(row('roc_auc')?.baseline).toBe(0.5)
    expect(evaluated.report.baseline.description).toMatch(/^always "(setosa|versicolor|virginica)"/)
    expect(evaluated.report.confusion?.counts.flat().reduce((a, b) => a + b, 0)).toBe(
      evaluated.report.testRows,
    )
  })

  it("cuts the config's slices, runs the model folder's behaviour checks through the bundle, lists the data checks", () => {
    const { slices, behaviour, dataChecks } = evaluated.report
    expect(slices.map((s) => s.title)).toEqual(['petal width (cm)', 'petal length (cm)'])
    for (const slice of slices)
      expect(slice.groups.reduce((n, g) => n + g.count, 0)).toBe(evaluated.report.testRows)
    expect(
      slices[0]?.groups.map((g) => g.value).every((v) => ['< 0.8', '0.8 to < 1.75', '>= 1.75'].includes(v)),
    ).toBe(true)
    expect(behaviour?.map((b) => [b.name, b.kind, b.cases])).toEqual([
      ['textbook flowers of each species', 'minimum-functionality', 6],
      ['half a millimetre of measurement noise', 'invariance', evaluated.report.testRows],
      ['longer, wider petals lean virginica', 'directional', evaluated.report.testRows],
    ])
    expect(behaviour?.[0]?.passed).toBeGreaterThanOrEqual(4)
    expect(dataChecks?.map((c) => [c.check, c.passed])).toEqual(
      readJson(join(run.runDir, 'data-checks.json')).results.map((r: { check: string; passed: boolean }) => [
        r.check,
        r.passed,
      ]),
    )
    expect(evaluated.report.notes).toEqual([
      `No champion to compare with: ${noRelease} does not exist (nothing released yet).`,
    ])
  })

  it('draws every figure into the page as inline SVG', () => {
    const html = readFileSync(join(evaluated.reportDir, 'index.html'), 'utf8')
    expect(evaluated.report.figures.map((f) => f.id)).toEqual([
      'confusion-counts',
      'confusion-normalised',
      'roc',
      'precision-recall',
      'reliability',
      'confidence',
      'learning-loss',
      'learning-metric',
      'slice-1',
      'slice-2',
    ])
    const figures = html.split('<figure ').slice(1)
    expect(figures).toHaveLength(10)
    for (const figure of figures) expect(figure).toMatch(/<svg [^>]*class="marks"/)
  })
})

describe('in a real headless Chromium', () => {
  it('shows the report with no console error, no request leaving the page, and marks in every figure', async () => {
    const report: EvaluationReport = evaluated.report
    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const errors: string[] = []
      const requests: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('request', (request) => requests.push(request.url()))
      const url = `file://${join(evaluated.reportDir, 'index.html')}`
      await page.goto(url, { waitUntil: 'load' })
      expect(errors).toEqual([])
      expect(requests).toEqual([url])
      const marks = await page.$$eval('figure', (figures) =>
        figures.map((figure) => ({
          id: figure.id,
          marks: figure.querySelectorAll(
            'svg .role-mark > path, svg .role-mark > rect, svg .role-mark > line, svg .role-mark > text',
          ).length,
          width: figure.querySelector('svg')?.getBoundingClientRect().width ?? 0,
        })),
      )
      expect(marks.map((m) => m.id)).toEqual(report.figures.map((f) => f.id))
      for (const figure of marks) {
        expect(figure.marks, figure.id).toBeGreaterThan(0)
        expect(figure.width, figure.id).toBeGreaterThan(100)
      }
      expect(await page.textContent('h1')).toBe(`iris ${runId}`)
      const screenshot = join(evaluated.reportDir, 'screenshot.png')
      await page.screenshot({ path: screenshot, fullPage: true })
      const png = readFileSync(screenshot)
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      // Kept as a CI artifact beside the test results.
      const kept = join(__dirname, '..', '.test-results', 'iris-report.png')
      mkdirSync(dirname(kept), { recursive: true })
      writeFileSync(kept, png)
    } finally {
      await browser.close()
    }
  }, 120_000)
})

describe('the champion and the gates', () => {
  it('compares with the metrics release.json records when the champion run is not here', async () => {
    const releaseFile = join(scratch, 'release.json')
    writeFileSync(
      releaseFile,
      JSON.stringify({
        runId: '20250101-000000-0000',
        metrics: { 'test.accuracy': 0.5, 'test.log_loss': 2 },
      }),
    )
    const { report } = await evaluate({
      runId: copyRun(join(runsRoot, 'iris')).id,
      releaseFile,
      sets: ['evaluate.bootstrapResamples=50'],
    })
    expect(report.champion).toMatchObject({
      source: 'release',
      runId: '20250101-000000-0000',
      runPresent: false,
    })
    const accuracy = report.headline.find((r) => r.metric === 'accuracy')
    expect(accuracy?.champion).toBe(0.5)
    expect(accuracy?.deltaChampion).toBeCloseTo((accuracy?.value as number) - 0.5, 15)
    expect(report.headline.find((r) => r.metric === 'roc_auc')?.champion).toBeNull()
    expect(report.notes[0]).toContain(
      '`sagepack runs pull iris 20250101-000000-0000` brings its curves and slices',
    )
  }, 120_000)

  it('compares curves and slices with a champion run that is here, and applies the gates', async () => {
    const { report } = await evaluate({
      runId: copyRun(join(runsRoot, 'iris')).id,
      against: runId,
      sets: [
        'evaluate.bootstrapResamples=50',
        'evaluate.gates=[{"metric":"accuracy","floor":1.01,"maxDrop":0}]',
      ],
    })
    expect(report.champion).toEqual({ source: 'run', runId, runPresent: true, note: null })
    for (const row of report.headline) expect(row.deltaChampion, row.metric).toBe(0)
    for (const group of report.slices.flatMap((s) => s.groups))
      expect(group.champion).toBe(group.metrics.accuracy)
    const roc = report.figures.find((f) => f.id === 'roc')?.data as { points: Array<{ run: string }> }
    expect(new Set(roc.points.map((p) => p.run))).toEqual(new Set(['this run', 'champion']))
    const accuracy = report.headline[0]?.value as number
    expect(report.gates.map((g) => [g.rule, g.passed])).toEqual([
      ['floor', false],
      ['maxDrop', true],
    ])
    expect(report.flags[0]).toBe(
      `Gate failed: accuracy ${Number(accuracy.toPrecision(4))} is below its floor 1.01 (champion ${Number(accuracy.toPrecision(4))}).`,
    )
  }, 120_000)
})

describe('bad input, each a UserError naming it and the fix, and no report written', () => {
  const refusal = async (options: Partial<Parameters<typeof evaluateRun>[0]>) => {
    try {
      await evaluate(options)
    } catch (error) {
      expect((error as Error).name).toBe('UserError')
      return (error as Error).message
    }
    throw new Error('expected the evaluation to be refused')
  }
  it('a slice on a column the data does not have', async () => {
    expect(await refusal({ sets: ['evaluate.slices=[{"column":"petal_colour"}]'] })).toBe(
      [
        'models/iris/config.ts, evaluate.slices[0].column: names the column "petal_colour", which the run\'s data does not have',
        '  expected: one of its columns: sepal_length, sepal_width, petal_length, petal_width, species',
        '  fix: correct the column name, or remove the slice (`sagepack config iris` shows evaluate.slices)',
      ].join('\n'),
    )
  })

  it('a gate on a metric the model does not have', async () => {
    expect(await refusal({ sets: ['evaluate.gates=[{"metric":"rmse","ceiling":1}]'] })).toContain(
      'evaluate.gates[0].metric: gates "rmse", which a classification model\'s report does not have',
    )
  })

  it('a run without a test split', async () => {
    const copy = copyRun(join(runsRoot, 'iris'))
    rmSync(join(copy.dir, 'results', 'test-predictions.csv'))
    expect(await refusal({ runId: copy.id })).toBe(
      [
        `run iris/${copy.id}: has no test split to evaluate (results/test-predictions.csv is missing)`,
        '  expected: a run trained with a test split: the report scores the held-out test rows',
        '  fix: train with a test split, e.g. `pnpm train iris --set data.testFraction=0.2`',
      ].join('\n'),
    )
    expect(existsSync(join(copy.dir, 'report'))).toBe(false)
    rmSync(copy.dir, { recursive: true })
  })

  it('an --against run that is archived, or not here', async () => {
    const archived = copyRun(join(runsRoot, '.archive', 'iris'))
    const message = await refusal({ against: archived.id })
    expect(message).toContain(
      `--against ${archived.id}: run iris/${archived.id} is archived (${archived.dir})`,
    )
    expect(message).toContain(
      `fix: move it back first: mv ${archived.dir} ${join(runsRoot, 'iris', archived.id)}`,
    )
    const missing = await refusal({ against: '20240101-000000-dead' })
    expect(missing).toContain(
      '--against 20240101-000000-dead: there is no run iris/20240101-000000-dead here',
    )
    expect(missing).toContain('fix: fetch it with `sagepack runs pull iris 20240101-000000-dead`')
  })
})
