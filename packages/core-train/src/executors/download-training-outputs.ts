// Brings a finished SageMaker job's results into its run directory, laid out as the local executor
// leaves a run: model.tar.gz unpacked into model/, and output.tar.gz (what the job wrote to
// /opt/ml/output/data: config, metrics, results) unpacked and moved to the top of the run.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArtifactStore } from '@sagepack/core-data'
import { trainingLayout } from '../contract/training-layout'
import { collectOutputs } from '../runs/collect-outputs'

/** Unpacks a tar.gz into a folder that does not exist yet (the CLI passes its safe extractor). */
export type ExtractArchive = (archive: string, dir: string) => Promise<void>

/** Returns what came back: `model` and/or `output`. */
export async function downloadTrainingOutputs(options: {
  store: ArtifactStore
  runDir: string
  /** ModelArtifacts.S3ModelArtifacts, as keys in the store; undefined when SageMaker reported none. */
  modelKey: string | undefined
  outputKey: string
  /** A completed job must have its model; a failed or stopped one brings back whatever it left. */
  requireModel: boolean
  extractArchive: ExtractArchive
}): Promise<Array<'model' | 'output'>> {
  const { store, runDir } = options
  const layout = trainingLayout(runDir)
  // Downloads land inside the run (not /tmp), where there is room for the model they belong to.
  const downloads = join(runDir, '.downloads')
  await mkdir(downloads, { recursive: true })
  const fetched: Array<'model' | 'output'> = []
  try {
    if (options.modelKey && (options.requireModel || (await store.head(options.modelKey)))) {
      const archive = join(downloads, 'model.tar.gz')
      await store.getFile(options.modelKey, archive)
      await options.extractArchive(archive, layout.modelDir)
      fetched.push('model')
    } else if (options.requireModel) {
      throw new Error('SageMaker reported the training job Completed without ModelArtifacts')
    }
    if (await store.head(options.outputKey)) {
      const archive = join(downloads, 'output.tar.gz')
      await store.getFile(options.outputKey, archive)
      await mkdir(layout.outputDir, { recursive: true })
      await options.extractArchive(archive, layout.outputDataDir)
      await collectOutputs(layout, runDir)
      fetched.push('output')
    }
  } finally {
    await rm(downloads, { recursive: true, force: true })
  }
  return fetched
}
