// Our metrics against an independent implementation: prediction files in the format training writes
// (with ties, probabilities of exactly 0 and 1, and values on calibration bin edges) are scored by
// @sagepack/evaluate and by scikit-learn, which must agree within 1e-9 wherever the definitions agree.
// Where they do not: sklearn's `auc(recall, precision)` (the trapezoidal PR area) is not average
// precision, which is what the report calls PR AUC; the test shows the two differ.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createSeededRandom } from '@sagepack/core-data'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePredictionsCsv } from '../predictions/predictions-table'
import { calibration } from './calibration-bins'
import { classReports, confusionMatrix } from './class-counts'
import { headlineScorer, rankedClasses } from './headline-scorer'
import { precisionRecallPoints, rocPoints, sweep } from './ranking-curves'
import { rankingOrder } from './ranking-order'
import type { ClassScores, RegressionScores } from './scored-rows'
import { findSklearnPython } from './test-fixtures/find-sklearn-python'

const SCRIPT = fileURLToPath(new URL('./test-fixtures/sklearn-metrics.py', import.meta.url))
const CLOSE = 1e-9

interface SklearnCurve {
  auc: number
  ap: number
  pr_trapezoid: number
  fpr: number[]
  tpr: number[]
  precision: number[]
  recall: number[]
}
interface SklearnClassification {
  confusion: number[][]
  accuracy: number
  f1_per_class: number[]
  precision_per_class: number[]
  recall_per_class: number[]
  f1_macro: number
  precision_macro: number
  recall_macro: number
  log_loss: number
  roc_auc: number
  average_precision: number
  curves: Record<string, SklearnCurve>
  calibration: { accuracy: number[]; confidence: number[]; counts: number[]; ece: number }
}
interface SklearnOutput {
  classification: SklearnClassification[]
  regression: Array<{ rmse: number; mae: number; r2: number }>
  sklearn: string
}

/** A prediction file as training writes it; probabilities with `decimals` places, so scores tie. */
function classificationCsv(
  classes: string[],
  rows: number,
  seed: number,
  decimals: number,
  extra: number[][] = [],
): string {
  const random = createSeededRandom(seed)
  const k = classes.length
  const lines = [['source', 'line', 'label', 'predicted', ...classes.map((c) => `p_${c}`)].join(',')]
  const probabilityRows: Array<{ truth: number; p: number[] }> = []
  for (let i = 0; i < rows; i++) {
    const truth = Math.floor(random() * k)
    const logits = classes.map((_, c) => random() * 3 + (c === truth && random() < 0.75 ? 1.6 : 0))
    const exp = logits.map(Math.exp)
    const total = exp.reduce((a, b) => a + b, 0)
    const scale = 10 ** decimals
    const p = exp.slice(0, -1).map((e) => Math.round((e / total) * scale) / scale)
    p.push(Math.max(0, Math.round((1 - p.reduce((a, b) => a + b, 0)) * scale) / scale))
    probabilityRows.push({ truth, p })
  }
  extra.forEach((p, i) => {
    probabilityRows.push({ truth: i % k, p })
  })
  probabilityRows.forEach(({ truth, p }, i) => {
    const best = p.indexOf(Math.max(...p))
    lines.push(['synthetic.csv', i + 2, classes[truth], classes[best], ...p.map(String)].join(','))
  })
  return `${lines.join('\n')}\n`
}

function regressionCsv(rows: number, seed: number): string {
  const random = createSeededRandom(seed)
  const lines = ['source,line,mpg,predicted']
  for (let i = 0; i < rows; i++) {
    const truth = 10 + random() * 30
    lines.push(`cars.csv,${i + 2},${truth},${truth + (random() - 0.5) * 6}`)
  }
  return `${lines.join('\n')}\n`
}

const dir = mkdtempSync(join(tmpdir(), 'sklearn-agreement-'))
const FILES = {
  multiclass: join(dir, 'multiclass-predictions.csv'),
  binary: join(dir, 'binary-predictions.csv'),
  regression: join(dir, 'regression-predictions.csv'),
}
let ours: { multiclass: ClassScores; binary: ClassScores; regression: RegressionScores }
let theirs: SklearnOutput

beforeAll(() => {
  writeFileSync(FILES.multiclass, classificationCsv(['setosa', 'versicolor', 'virginica'], 400, 11, 2))
  // Exactly 0 and 1 (log loss clips them), and top-class probabilities on bin edges (0.7, 0.8, 1).
  writeFileSync(
    FILES.binary,
    classificationCsv(['ham', 'spam'], 300, 12, 2, [
      [1, 0],
      [0, 1],
      [0.3, 0.7],
      [0.2, 0.8],
      [0.7, 0.3],
      [0.5, 0.5],
    ]),
  )
  writeFileSync(FILES.regression, regressionCsv(200, 13))
  const read = (file: string) => parsePredictionsCsv(readFileSync(file, 'utf8'), file).scores
  ours = {
    multiclass: read(FILES.multiclass) as ClassScores,
    binary: read(FILES.binary) as ClassScores,
    regression: read(FILES.regression) as RegressionScores,
  }
  const python = findSklearnPython()
  const run = spawnSync(python, [SCRIPT, FILES.multiclass, FILES.binary, '--', FILES.regression], {
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`${python} ${SCRIPT} failed:\n${run.stderr}`)
  theirs = JSON.parse(run.stdout) as SklearnOutput
}, 60_000)

describe.each([
  ['three classes', 'multiclass', 0],
  ['two classes', 'binary', 1],
] as const)('classification metrics agree with scikit-learn: %s', (_, name, index) => {
  const sklearn = () => theirs.classification[index] as SklearnClassification

  it('confusion matrix, accuracy, per-class and macro precision, recall and F1', () => {
    const scores = ours[name]
    const matrix = confusionMatrix(scores)
    expect(matrix).toEqual(sklearn().confusion)
    const reports = classReports(matrix)
    reports.forEach((report, c) => {
      expect(report.f1).toBeCloseTo(sklearn().f1_per_class[c] as number, 9)
      expect(report.precision).toBeCloseTo(sklearn().precision_per_class[c] as number, 9)
      expect(report.recall).toBeCloseTo(sklearn().recall_per_class[c] as number, 9)
    })
    const values = headlineScorer(scores).score()
    for (const metric of ['accuracy', 'f1_macro', 'precision_macro', 'recall_macro'] as const) {
      expect(Math.abs((values[metric] as number) - sklearn()[metric]), metric).toBeLessThan(CLOSE)
    }
  })

  it('log loss, ROC AUC and average precision (the PR AUC of the report)', () => {
    const values = headlineScorer(ours[name]).score()
    for (const metric of ['log_loss', 'roc_auc', 'average_precision'] as const) {
      expect(Math.abs((values[metric] as number) - sklearn()[metric]), metric).toBeLessThan(CLOSE)
    }
  })

  it('each one-vs-rest ROC curve (sklearn drop_intermediate) and PR curve, point for point', () => {
    const scores = ours[name]
    const ranked = rankedClasses(scores)
    expect(Object.keys(sklearn().curves)).toEqual(ranked.map((c) => scores.classes[c]))
    for (const c of ranked) {
      const expected = sklearn().curves[scores.classes[c] as string] as SklearnCurve
      const curve = sweep(rankingOrder(scores, c))
      const roc = rocPoints(curve)
      expect(roc.map((p) => p.fpr)).toHaveLength(expected.fpr.length)
      roc.forEach((p, i) => {
        expect(Math.abs(p.fpr - (expected.fpr[i] as number))).toBeLessThan(CLOSE)
        expect(Math.abs(p.tpr - (expected.tpr[i] as number))).toBeLessThan(CLOSE)
      })
      // sklearn lists the PR curve from full recall down and appends (recall 0, precision 1).
      const pr = precisionRecallPoints(curve).reverse()
      expect(pr).toHaveLength(expected.recall.length - 1)
      pr.forEach((p, i) => {
        expect(Math.abs(p.recall - (expected.recall[i] as number))).toBeLessThan(CLOSE)
        expect(Math.abs(p.precision - (expected.precision[i] as number))).toBeLessThan(CLOSE)
      })
    }
  })

  it('reliability bins and expected calibration error (sklearn calibration_curve, uniform bins)', () => {
    const { bins, ece } = calibration(ours[name])
    const filled = bins.filter((bin) => bin.count > 0)
    expect(filled.map((bin) => bin.count)).toEqual(sklearn().calibration.counts)
    filled.forEach((bin, i) => {
      expect(Math.abs((bin.accuracy as number) - (sklearn().calibration.accuracy[i] as number))).toBeLessThan(
        CLOSE,
      )
      expect(
        Math.abs((bin.confidence as number) - (sklearn().calibration.confidence[i] as number)),
      ).toBeLessThan(CLOSE)
    })
    expect(Math.abs(ece - sklearn().calibration.ece)).toBeLessThan(CLOSE)
  })
})

describe('where the definitions differ', () => {
  it("average precision (the report's PR AUC) is not the trapezoidal area under the PR curve", () => {
    const curve = theirs.classification[1]?.curves.spam as SklearnCurve
    expect(Math.abs(curve.ap - curve.pr_trapezoid)).toBeGreaterThan(1e-4)
    const ours_ = headlineScorer(ours.binary).score().average_precision as number
    expect(Math.abs(ours_ - curve.ap)).toBeLessThan(CLOSE)
  })
})

describe('regression metrics agree with scikit-learn', () => {
  it('RMSE, MAE and R2', () => {
    const values = headlineScorer(ours.regression).score()
    const sklearn = theirs.regression[0] as { rmse: number; mae: number; r2: number }
    for (const metric of ['rmse', 'mae', 'r2'] as const) {
      expect(Math.abs((values[metric] as number) - sklearn[metric]), metric).toBeLessThan(CLOSE)
    }
  })
})
