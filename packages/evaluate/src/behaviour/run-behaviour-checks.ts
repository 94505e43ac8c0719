// Runs a model folder's behaviour checks through the model's own handler, as its bundle would answer
// them (run-model.ts): core-serve's handler API (load -> preprocess -> predict -> postprocess) over the
// run's weights.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readJsonFile } from '@sagepack/core-data'
import type { ServedModel } from '@sagepack/core-serve'
import type { ModelFolder, RunRecord } from '@sagepack/core-train/workspace'
import { BEHAVIOUR_CHECKS_FILE, parseBehaviourChecks } from './behaviour-check-spec'
import { type BehaviourCheckResult, checkResults, type InvokeRows } from './check-results'
import { serveRunModel } from './run-model'

type Row = Record<string, unknown>

export interface BehaviourCheckRun {
  folder: ModelFolder
  runDir: string
  record: RunRecord
  /** The run's resolved config, as a bundle of it carries. */
  config: unknown
  /** The test split's rows as the data has them, without the label. */
  testRows: readonly Row[]
}

/** null when the model folder declares no behaviour checks. */
export async function runBehaviourChecks(run: BehaviourCheckRun): Promise<BehaviourCheckResult[] | null> {
  const file = join(run.folder.dir, BEHAVIOUR_CHECKS_FILE)
  if (!existsSync(file)) return null
  const checks = parseBehaviourChecks(
    await readJsonFile(file, {
      expected: '{"checks": [...]}: the behaviour checks of the model',
      fix: 'fix the JSON syntax of the file',
    }),
    `models/${run.folder.name}/${BEHAVIOUR_CHECKS_FILE}`,
  )
  const served = await serveRunModel(run.folder, run)
  try {
    return await checkResults(checks, run.testRows, invokeThrough(served))
  } finally {
    await served.dispose()
  }
}

/** All rows in one call; when the handler refuses the batch, row by row, so one bad row fails alone. */
function invokeThrough(served: ServedModel): InvokeRows {
  const invoke = async (rows: Row[]) =>
    (await served.invoke(rows, { customAttributes: undefined })).predictions
  return async (rows) => {
    try {
      return await invoke(rows)
    } catch {
      return Promise.all(
        rows.map((row) =>
          invoke([row]).then(
            ([answer]) => answer,
            (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
          ),
        ),
      )
    }
  }
}
