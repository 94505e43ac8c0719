// Test fixture: a handler module (plain JS, as code/inference.mjs) whose predictor writes the row
// count of every predict call to predict-rows.log in the model folder, then waits while a file named
// `hold` sits in the model folder (so that calls queue up behind it, however slow the machine) before
// running the real model. It has no predict hook, so requests share predict calls as the batcher
// packs them.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const BATCH_RECORDING_HANDLER = `
import { appendFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

export default {
  async load(context) {
    const predictor = await context.loadPredictor()
    const log = join(context.modelDir, 'predict-rows.log')
    const hold = join(context.modelDir, 'hold')
    const recording = {
      format: predictor.format,
      inputWidth: predictor.inputWidth,
      outputWidth: predictor.outputWidth,
      async run(features, rows) {
        appendFileSync(log, rows + '\\n')
        while (existsSync(hold)) await new Promise((resolve) => setTimeout(resolve, 2))
        return predictor.run(features, rows)
      },
      dispose: () => predictor.dispose(),
    }
    const preprocessor = context.preprocessor
    return { predictor: recording, preprocessor, classes: preprocessor.classes(), config: context.config }
  },
}
`

/** The row counts of the predict calls so far, in the order they were made. */
export async function predictCallRows(modelDir: string): Promise<number[]> {
  const text = await readFile(join(modelDir, 'predict-rows.log'), 'utf8').catch(() => '')
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map(Number)
}

/** Predict calls wait from now on, until released. */
export async function holdPredictCalls(modelDir: string): Promise<() => Promise<void>> {
  await writeFile(join(modelDir, 'hold'), '')
  return () => rm(join(modelDir, 'hold'))
}
