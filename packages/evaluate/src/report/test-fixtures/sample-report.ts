// Reports built from synthetic predictions (no run, no files), for the tests of the report's outputs:
// a classifier with a champion, slices, a failing gate and behaviour checks, and a plain regressor.
import { createSeededRandom } from '@sagepack/core-data'
import { naiveBaseline } from '../../baseline/naive-baseline'
import { headlineScorer } from '../../metrics/headline-scorer'
import { type ClassScores, classScores, type RegressionScores } from '../../metrics/scored-rows'
import { evaluationSettings } from '../../settings/evaluation-settings'
import { buildReport } from '../build-report'
import type { EvaluationReport, RunIdentity } from '../report-types'

const IDENTITY: RunIdentity = {
  runId: '20261204-101010-abcd',
  executor: 'local',
  startedAt: '2026-12-04T10:10:10.000Z',
  git: { commit: '0123456789abcdef0123456789abcdef01234567', dirty: true },
  configSha256: 'c'.repeat(64),
  data: [{ channel: 'train', sha256: 'd'.repeat(64), files: 1, bytes: 3716 }],
  backend: 'wasm',
  trainingSeconds: 4.8,
  fitSeconds: 1.9,
  epochs: 100,
  bundle: null,
}

function syntheticClasses(n: number, seed: number, skill: number): ClassScores {
  const random = createSeededRandom(seed)
  const classes = ['setosa', 'versicolor', '<b>virginica</b>']
  const truth = Int32Array.from({ length: n }, () => Math.floor(random() * 3))
  const probabilities = new Float64Array(n * 3)
  truth.forEach((t, row) => {
    const raw = [0, 1, 2].map((c) => random() + (c === t ? skill * random() : 0))
    const total = raw.reduce((a, b) => a + b, 0)
    raw.forEach((v, c) => {
      probabilities[row * 3 + c] = v / total
    })
  })
  return classScores(classes, truth, probabilities)
}

export function classificationReport(): EvaluationReport {
  const scores = syntheticClasses(120, 1, 2)
  const champion = syntheticClasses(120, 2, 3)
  const sizes = Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? 'small' : 'large'))
  const config = {
    evaluate: {
      slices: [{ column: 'size' }],
      sliceMetric: 'accuracy',
      sliceMargin: 0.01,
      minSliceRows: 5,
      gates: [{ metric: 'accuracy', floor: 0.99, maxDrop: 0.5 }],
      bootstrapResamples: 200,
      seed: 3,
    },
  }
  const settings = evaluationSettings(config, 'classification', 'demo')
  return buildReport({
    model: 'demo',
    evaluatedAt: '2026-12-04T10:20:00.000Z',
    identity: IDENTITY,
    scores,
    baseline: naiveBaseline(scores, scores),
    history: [1, 2, 3].map((epoch) => ({
      epoch,
      train_loss: 1 / epoch,
      val_loss: 1.2 / epoch,
      train_accuracy: epoch / 4,
      val_accuracy: epoch / 5,
    })),
    settings,
    slices: [{ title: 'size', column: 'size' }],
    sliceValueOf: (_, row) => sizes[row],
    champion: {
      info: { source: 'release', runId: '20261101-090000-beef', runPresent: true, note: null },
      metrics: headlineScorer(champion).score(),
      scores: champion,
      sliceValueOf: (_, row) => sizes[row],
    },
    behaviour: [
      {
        name: 'textbook <flowers>',
        kind: 'minimum-functionality',
        why: 'must be right',
        ranOn: '2 given inputs',
        cases: 2,
        passed: 1,
        passRate: 0.5,
        failures: [
          {
            input: { petal_length: 1.4, note: 'x'.repeat(300) },
            observed: 'species versicolor (expected setosa)',
          },
        ],
      },
    ],
    dataChecks: {
      passed: true,
      results: [
        {
          check: 'missingValues',
          passed: true,
          severity: 'error',
          summary: 'No missing values.',
          details: {},
        },
      ],
    },
    notes: ['a note & more'],
  })
}

export function regressionReport(): EvaluationReport {
  const random = createSeededRandom(5)
  const truth = Float64Array.from({ length: 80 }, () => 10 + random() * 30)
  const scores: RegressionScores = {
    task: 'regression',
    truth,
    predicted: truth.map((t) => t + (random() - 0.5) * 4),
  }
  return buildReport({
    model: 'cars',
    evaluatedAt: '2026-12-04T10:20:00.000Z',
    identity: {
      ...IDENTITY,
      data: [],
      bundle: { path: 'models/cars/dist/model.tar.gz', sha256: 'e'.repeat(64) },
    },
    scores,
    baseline: naiveBaseline(scores, scores),
    history: [],
    settings: evaluationSettings({}, 'regression', 'cars'),
    slices: [],
    sliceValueOf: null,
    champion: {
      info: { source: 'none', runId: null, runPresent: false, note: 'nothing released yet' },
      metrics: {},
      scores: null,
      sliceValueOf: null,
    },
    behaviour: null,
    dataChecks: null,
    notes: [],
  })
}
