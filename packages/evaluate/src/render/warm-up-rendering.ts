// Renders one tiny chart of every kind the report draws. Vega's first charts in a process cost about
// twice the later ones (module loading and the JIT warming up the compiler, the dataflow and the SVG
// writer); `pnpm train` calls this while the job trains in its own process, so the report that follows
// training does not pay for it.
import { figureSpec } from '../charts/figure-spec'
import { type Figure, figure } from '../charts/figure-types'
import { renderSvg } from './render-svg'

const TINY: Figure[] = [
  figure('confusion', 'c', '', '', {
    normalised: true,
    cells: [{ truth: 'a', predicted: 'a', count: 1, share: 1 }],
  }),
  figure('roc', 'r', '', '', {
    points: [
      { series: 'a', run: 'this run', fpr: 0, tpr: 1 },
      { series: 'a', run: 'champion', fpr: 1, tpr: 1 },
    ],
  }),
  figure('precision-recall', 'p', '', '', {
    points: [{ series: 'a', run: 'this run', recall: 1, precision: 1 }],
  }),
  figure('reliability', 'l', '', '', {
    bins: [{ run: 'this run', lower: 0.9, upper: 1, count: 1, confidence: 0.95, accuracy: 1 }],
  }),
  figure('confidence', 'f', '', '', { bins: [{ lower: 0.9, upper: 1, outcome: 'right', count: 1 }] }),
  figure('predicted-vs-actual', 'v', '', '', { points: [{ actual: 1, predicted: 2 }], range: [1, 2] }),
  figure('residual-histogram', 'h', '', '', { bins: [{ lower: 0, upper: 1, count: 1 }] }),
  figure('residuals-vs-predicted', 's', '', '', { points: [{ predicted: 1, residual: 0 }] }),
  figure('error-by-decile', 'd', '', '', { bars: [{ decile: 1, range: '1–2', run: 'this run', mae: 1 }] }),
  figure('learning-curve', 'e', '', '', {
    measure: 'loss',
    points: [{ epoch: 1, split: 'train', value: 1 }],
    bestEpoch: 1,
  }),
  figure('slice', 'g', '', '', {
    metric: 'accuracy',
    label: 'accuracy',
    bounds: [0, 1],
    whole: 1,
    groups: [{ value: 'a', metric: 1, low: 1, high: 1, count: 1, flagged: false }],
  }),
]

export async function warmUpRendering(): Promise<void> {
  for (const tiny of TINY) await renderSvg(figureSpec(tiny))
}
