// Which run an evaluation is of: the one named with --run (completed, not archived), else the latest
// completed run of the model.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { readRunRecord } from '@sagepack/core-train/workspace'
import { findRunFolder, listRunFolders } from '@sagepack/runs'

/** @param input how the run was named, for errors: `--run <id>` by default */
export async function evaluatedRun(
  runsRoot: string,
  model: string,
  runId?: string,
  input = `--run ${runId}`,
): Promise<{ runId: string; runDir: string }> {
  if (runId) {
    const folder = findRunFolder(runsRoot, model, runId)
    if (folder.archived) {
      throw new UserError({
        input,
        problem: `run ${model}/${runId} is archived (${folder.dir})`,
        expected: `a run under ${join(runsRoot, model)}/`,
        fix: `move it back first: mv ${folder.dir} ${join(runsRoot, model, runId)}`,
      })
    }
    await requireCompleted(folder.dir, model, runId, input)
    return { runId, runDir: folder.dir }
  }
  for (const run of listRunFolders(runsRoot, model).reverse()) {
    if (existsSync(join(run.dir, 'run.json')) && (await readRunRecord(run.dir)).status === 'completed') {
      return { runId: run.runId, runDir: run.dir }
    }
  }
  throw new UserError({
    input: `model ${model}`,
    problem: `has no completed run in ${join(runsRoot, model)}`,
    expected: 'a completed training run to evaluate',
    fix: `train one with \`pnpm train ${model}\` (it is evaluated when it ends)`,
  })
}

async function requireCompleted(runDir: string, model: string, runId: string, input: string): Promise<void> {
  const record = await readRunRecord(runDir)
  if (record.status !== 'completed') {
    throw new UserError({
      input,
      problem: `run ${model}/${runId} is ${record.status}, not completed${record.failure ? ` (${record.failure})` : ''}`,
      expected: 'a completed run: only those have test predictions to evaluate',
      fix: `pick a completed run from \`sagepack runs ${model}\``,
    })
  }
}
