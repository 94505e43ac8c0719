// Calibration of the top-class probability: rows binned by how sure the model was, each bin's accuracy
// beside its mean probability (a reliability diagram), and the expected calibration error. Bins are
// sklearn calibration_curve's "uniform" bins: edges i/B, a probability on an inner edge going to the
// lower bin (numpy searchsorted, side left).
import { type ClassScores, type RowWeights, weightOf } from './scored-rows'

const CALIBRATION_BINS = 10

interface CalibrationBin {
  lower: number
  upper: number
  /** Weighted rows whose top-class probability falls in the bin. */
  count: number
  /** Mean top-class probability of those rows; null for an empty bin. */
  confidence: number | null
  /** Share of those rows whose top class is right; null for an empty bin. */
  accuracy: number | null
}

export interface Calibration {
  bins: CalibrationBin[]
  ece: number
}

export function binEdges(bins: number): number[] {
  // numpy.linspace(0, 1, bins + 1): i * (1 / bins), the last edge exactly 1.
  const step = 1 / bins
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? 1 : i * step))
}

/** The bin of `p`: how many inner edges lie strictly below it. */
export function binOf(p: number, edges: readonly number[]): number {
  let bin = 0
  while (bin < edges.length - 2 && (edges[bin + 1] as number) < p) bin++
  return bin
}

export function topClassProbability(scores: ClassScores, row: number): number {
  const k = scores.classes.length
  return scores.probabilities[row * k + (scores.predicted[row] as number)] as number
}

export function calibration(scores: ClassScores, weights?: RowWeights, bins = CALIBRATION_BINS): Calibration {
  const edges = binEdges(bins)
  const count = new Array<number>(bins).fill(0)
  const confidence = new Array<number>(bins).fill(0)
  const correct = new Array<number>(bins).fill(0)
  let total = 0
  for (let row = 0; row < scores.truth.length; row++) {
    const w = weightOf(weights, row)
    if (w === 0) continue
    const p = topClassProbability(scores, row)
    const bin = binOf(p, edges)
    count[bin] = (count[bin] as number) + w
    confidence[bin] = (confidence[bin] as number) + w * p
    if (scores.predicted[row] === scores.truth[row]) correct[bin] = (correct[bin] as number) + w
    total += w
  }
  let ece = 0
  const result = count.map((n, bin): CalibrationBin => {
    const lower = edges[bin] as number
    const upper = edges[bin + 1] as number
    if (n === 0) return { lower, upper, count: 0, confidence: null, accuracy: null }
    const meanConfidence = (confidence[bin] as number) / n
    const accuracy = (correct[bin] as number) / n
    ece += (n / total) * Math.abs(accuracy - meanConfidence)
    return { lower, upper, count: n, confidence: meanConfidence, accuracy }
  })
  return { bins: result, ece: total === 0 ? Number.NaN : ece }
}
