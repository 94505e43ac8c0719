// The compute-heavy model of the batching case: iris trained with two hidden layers of 2560 units
// (4 -> 2560 -> 2560 -> 3, 6.6 M weights, 26 MB of ONNX) by the real CLI, so the ONNX file and the
// bundle are made exactly as for any model. One epoch: its accuracy does not matter, its cost does.
// A one-row predict must cost at least MIN_ONE_ROW_MS here for the case to test what it means to;
// the bare onnxruntime cost is measured and reported beside the load figures.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onCleanup } from './exit-cleanup'
import { runSagepack } from './prepare-iris-bundle'

export const HEAVY_HIDDEN_UNITS = [2560, 2560] as const
/** What the issue asks of the model: batching matters where compute dominates. */
export const MIN_ONE_ROW_MS = 0.3

export interface ComputeHeavyBundle {
  bundle: string
  /** The run's artifacts (model.onnx), for the bare onnxruntime timing. */
  modelDir: string
}

export async function prepareComputeHeavyBundle(log: (line: string) => void): Promise<ComputeHeavyBundle> {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-serve-bench-heavy-'))
  onCleanup({
    graceful: () => rm(root, { recursive: true, force: true }),
    immediate: () => rmSync(root, { recursive: true, force: true }),
  })
  const runsDir = join(root, 'runs')
  const bundle = join(root, 'model.tar.gz')
  const started = Date.now()
  const sets = ['--set', `model.hiddenUnits=${JSON.stringify(HEAVY_HIDDEN_UNITS)}`, '--set', 'train.epochs=1']
  await runSagepack(['train', 'iris', '--runs-dir', runsDir, ...sets])
  const runId = readdirSync(join(runsDir, 'iris'))[0]
  if (runId === undefined) throw new Error(`sagepack train iris wrote no run under ${runsDir}/iris`)
  await runSagepack(['bundle', 'iris', '--runs-dir', runsDir, '--out', bundle])
  log(
    `trained and bundled the compute-heavy iris (4 -> ${HEAVY_HIDDEN_UNITS.join(' -> ')} -> 3) in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return { bundle, modelDir: join(runsDir, 'iris', runId, 'model') }
}
