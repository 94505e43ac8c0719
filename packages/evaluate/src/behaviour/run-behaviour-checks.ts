// Runs a model folder's behaviour checks through the bundle's own handler, as the endpoint would answer
// them: the bundle built from this run (models/<model>/dist/model.tar.gz when it is of this run, else
// one built into a temporary folder) is opened like SageMaker opens it and served through core-serve's
// handler API (load -> preprocess -> predict -> postprocess).
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleModel, openBundle } from '@sagepack/bundle'
import { readJsonFile } from '@sagepack/core-data'
import { loadServedModel } from '@sagepack/core-serve'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { BEHAVIOUR_CHECKS_FILE, parseBehaviourChecks } from './behaviour-check-spec'
import { type BehaviourCheckResult, checkResults, type InvokeRows } from './check-results'

type Row = Record<string, unknown>

export interface BehaviourCheckRun {
  workspaceRoot: string
  folder: ModelFolder
  runId: string
  runDir: string
  /** The dist bundle when it was built from this run. */
  runBundle: string | null
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
  const scratch = run.runBundle
    ? null
    : await mkdtemp(join(tmpdir(), `sagepack-evaluate-${run.folder.name}-`))
  try {
    const archive =
      run.runBundle ??
      (
        await bundleModel({
          workspaceRoot: run.workspaceRoot,
          folder: run.folder,
          runId: run.runId,
          runDir: run.runDir,
          outFile: join(scratch as string, 'model.tar.gz'),
        })
      ).path
    const bundle = await openBundle(archive)
    try {
      const served = await loadServedModel(bundle.modelDir)
      try {
        return await checkResults(checks, run.testRows, invokeThrough(served))
      } finally {
        await served.dispose()
      }
    } finally {
      await bundle.close()
    }
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true })
  }
}

/** All rows in one call; when the handler refuses the batch, row by row, so one bad row fails alone. */
function invokeThrough(served: Awaited<ReturnType<typeof loadServedModel>>): InvokeRows {
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
