// A classifier's part of the report: the confusion matrix (counts and row-normalised), per-class
// precision/recall/F1/support with one-vs-rest AUCs, and the figures (confusion, ROC and PR curves,
// reliability diagram, top-class probability distribution), the champion's curves beside when its run is here.
import { type Figure, type FigureData, figure, type RunSeries } from '../charts/figure-types'
import { formatNumber } from '../format/format-number'
import { calibration, topClassProbability } from '../metrics/calibration-bins'
import { classReports, confusionMatrix, rowNormalised } from '../metrics/class-counts'
import { rankedClasses } from '../metrics/headline-scorer'
import { histogram } from '../metrics/histogram'
import { averagePrecision, precisionRecallPoints, rocAuc, rocPoints, sweep } from '../metrics/ranking-curves'
import { rankingOrder } from '../metrics/ranking-order'
import type { ClassScores } from '../metrics/scored-rows'
import type { EvaluationReport, PerClassRow } from './report-types'

const CONFIDENCE_BINS = 20

type ClassificationPart = Pick<EvaluationReport, 'classes' | 'confusion' | 'perClass' | 'ece'> & {
  figures: Figure[]
}

export function classificationSection(scores: ClassScores, champion: ClassScores | null): ClassificationPart {
  const counts = confusionMatrix(scores)
  const normalised = rowNormalised(counts)
  const classes = [...scores.classes]
  const curves = classes.map((_, c) => sweep(rankingOrder(scores, c)))
  const perClass: PerClassRow[] = classReports(counts).map((report, c) => ({
    class: classes[c] as string,
    ...report,
    rocAuc: rocAuc(curves[c] as ReturnType<typeof sweep>),
    averagePrecision: averagePrecision(curves[c] as ReturnType<typeof sweep>),
  }))
  const cells = (normalisedView: boolean): FigureData['confusion'] => ({
    normalised: normalisedView,
    cells: classes.flatMap((truth, t) =>
      classes.map((predicted, p) => ({
        truth,
        predicted,
        count: counts[t]?.[p] ?? 0,
        share: normalised[t]?.[p] ?? 0,
      })),
    ),
  })
  const ranked = rankedClasses(scores)
  const positive =
    classes.length === 2 ? `"${classes[1]}" against "${classes[0]}"` : 'each class against the rest'
  const runs: Array<[RunSeries, ClassScores]> = champion
    ? [
        ['this run', scores],
        ['champion', champion],
      ]
    : [['this run', scores]]
  const roc: FigureData['roc']['points'] = []
  const pr: FigureData['precision-recall']['points'] = []
  for (const [run, runScores] of runs) {
    for (const c of ranked) {
      const curve = sweep(rankingOrder(runScores, c))
      const series = classes[c] as string
      for (const p of rocPoints(curve)) roc.push({ series, run, fpr: p.fpr, tpr: p.tpr })
      pr.push({ series, run, recall: 0, precision: 1 })
      for (const p of precisionRecallPoints(curve))
        pr.push({ series, run, recall: p.recall, precision: p.precision })
    }
  }
  const reliability = runs.flatMap(([run, runScores]) =>
    calibration(runScores).bins.flatMap((bin) =>
      bin.confidence === null || bin.accuracy === null
        ? []
        : [
            {
              run,
              lower: bin.lower,
              upper: bin.upper,
              count: bin.count,
              confidence: bin.confidence,
              accuracy: bin.accuracy,
            },
          ],
    ),
  )
  const ece = calibration(scores).ece
  const aucs = ranked.map((c) => `${classes[c]} ${formatNumber(perClass[c]?.rocAuc)}`).join(', ')
  const aps = ranked.map((c) => `${classes[c]} ${formatNumber(perClass[c]?.averagePrecision)}`).join(', ')
  const vsChampion = champion ? ' Dashed: the champion on its own test split.' : ''
  const figures: Figure[] = [
    figure(
      'confusion',
      'confusion-counts',
      'Confusion matrix (counts)',
      'Rows are the true class, columns the predicted one; the diagonal is right.',
      cells(false),
    ),
    figure(
      'confusion',
      'confusion-normalised',
      'Confusion matrix (share of each true class)',
      "Each row divided by its total: the diagonal is each class's recall.",
      cells(true),
    ),
    figure(
      'roc',
      'roc',
      'ROC curves',
      `One-vs-rest, ${positive}. AUC: ${aucs}. The dotted diagonal is a random ranking.${vsChampion}`,
      { points: roc },
    ),
    figure(
      'precision-recall',
      'precision-recall',
      'Precision-recall curves',
      `One-vs-rest, ${positive}. Average precision: ${aps}.${vsChampion}`,
      { points: pr },
    ),
    figure(
      'reliability',
      'reliability',
      'Reliability diagram',
      `Test rows binned by their top-class probability (10 equal bins): points on the dotted diagonal are calibrated. Expected calibration error ${formatNumber(ece)}.${vsChampion}`,
      { bins: reliability },
    ),
    figure(
      'confidence',
      'confidence',
      'Top-class probability',
      'How sure the model is on each test row, and whether its top class is right. Wrong answers at high probability are the costly ones.',
      { bins: confidenceBins(scores) },
    ),
  ]
  return { classes, confusion: { counts, normalised }, perClass, ece, figures }
}

function confidenceBins(scores: ClassScores): FigureData['confidence']['bins'] {
  const right: number[] = []
  const wrong: number[] = []
  for (let row = 0; row < scores.truth.length; row++) {
    ;(scores.predicted[row] === scores.truth[row] ? right : wrong).push(topClassProbability(scores, row))
  }
  return (['right', 'wrong'] as const).flatMap((outcome) =>
    histogram(outcome === 'right' ? right : wrong, CONFIDENCE_BINS, [0, 1]).map((bin) => ({
      ...bin,
      outcome,
    })),
  )
}
