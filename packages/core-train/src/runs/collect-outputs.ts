// After a job, its output/data (what SageMaker uploads as output.tar.gz: config, metrics, results,
// data checks) moves to the top of the run directory, so every run reads the same whichever
// executor ran it.
import { readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TrainingLayout } from '../contract/training-layout'

export async function collectOutputs(layout: TrainingLayout, runDir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(layout.outputDataDir)
  } catch {
    return []
  }
  for (const name of names) {
    const target = join(runDir, name)
    await rm(target, { recursive: true, force: true })
    await rename(join(layout.outputDataDir, name), target)
  }
  return names.sort()
}
