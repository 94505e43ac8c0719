// Trains a model through the real local pipeline (the same job `pnpm train` runs) into a throw-away
// runs folder, for behavioural tests that need a trained model rather than a fixture.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { readJsonFile } from '@sagepack/core-data'
import { trainLocally } from '../executors/train-locally'
import { loadTrainedModel, type TrainedModel } from '../pipeline/load-trained-model'
import { METRICS_FILE } from '../pipeline/supervised-train-entry'
import { findWorkspaceRoot } from '../workspace/locate-model'

export interface ModelTrainedForTest {
  trained: TrainedModel
  runDir: string
  /** The run's metrics.json. */
  metrics: Record<string, unknown>
  /** Everything the job printed. */
  log: string
  /** Removes the run; the model stays usable in memory. */
  dispose(): Promise<void>
}

export async function trainModelForTest(options: {
  model: string
  /** `key=value` overrides, as `--set` takes them (fewer epochs keep a test quick). */
  sets?: readonly string[]
  workspaceRoot?: string
  /**
   * The environment the config reads (`<MODEL>_*` variables); default none, so a variable set in
   * someone's shell cannot change what a test measures.
   */
  env?: Record<string, string | undefined>
}): Promise<ModelTrainedForTest> {
  const runsRoot = await mkdtemp(join(tmpdir(), `${options.model}-runs-`))
  let log = ''
  const output = new PassThrough().on('data', (chunk) => {
    log += chunk
  })
  const result = await trainLocally({
    workspaceRoot: options.workspaceRoot ?? findWorkspaceRoot(),
    model: options.model,
    runsRoot,
    ...(options.sets ? { sets: options.sets } : {}),
    env: options.env ?? {},
    stdout: output,
    stderr: output,
  })
  if (result.status !== 'completed') {
    await rm(runsRoot, { recursive: true, force: true })
    throw new Error(`training ${options.model} ended ${result.status} (exit ${result.exitCode}):\n${log}`)
  }
  const metrics = (await readJsonFile(join(result.runDir, METRICS_FILE), {
    expected: 'the metrics a completed run of the supervised pipeline writes',
    fix: `make ${options.model}'s train entry write ${METRICS_FILE}, as supervisedTrainEntry does`,
  })) as Record<string, unknown>
  return {
    trained: await loadTrainedModel(join(result.runDir, 'model')),
    runDir: result.runDir,
    metrics,
    log,
    dispose: () => rm(runsRoot, { recursive: true, force: true }),
  }
}
