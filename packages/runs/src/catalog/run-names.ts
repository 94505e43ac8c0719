// The names a model and a run may have on disk. Both start with a letter or digit, so the folder that
// holds archived runs (runs/.archive/) and other dot-folders are never taken for a model or a run.
import { UserError } from '@sagepack/core-data'

/** runs/.archive/<model>/<run-id>/: runs kept, but left out of the daily list. */
export const ARCHIVE_FOLDER = '.archive'

const MODEL_NAME = /^[a-z][a-z0-9-]*$/
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/** Whether a folder name under runs/ or runs/<model>/ can be a model or a run (not .archive, .DS_Store). */
export function isRunFolderName(name: string): boolean {
  return RUN_ID.test(name) && !name.includes('..')
}

/** A UserError when `model` cannot be a model's folder name. */
export function checkModelName(model: string): void {
  if (!MODEL_NAME.test(model)) {
    throw new UserError({
      input: `model ${JSON.stringify(model)}`,
      problem: 'is not a model name',
      expected: 'the name of a folder under models/: lower-case letters, digits and hyphens, e.g. iris',
      fix: 'check the name: `ls models/` shows the models there are',
    })
  }
}

/** A UserError when `runId` cannot be a run's folder name under runs/<model>/. */
export function checkRunId(model: string, runId: string): void {
  if (!isRunFolderName(runId)) {
    throw new UserError({
      input: `run ${JSON.stringify(runId)}`,
      problem: 'is not a run id',
      expected: `the name of a folder under runs/${model}/, e.g. 20261123-164512-3fa2`,
      fix: `copy the id from \`sagepack runs ${model}\``,
    })
  }
}
