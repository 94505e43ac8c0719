// Where a run's archive lives in the artifact store: runs/<model>/<run-id>.tar.gz.
import { UserError } from '@sagepack/core-data'

export const RUN_ARCHIVES_PREFIX = 'runs/'

/** The store key of a run's archive; a UserError when the model or run id cannot be a folder name. */
export function runArchiveKey(model: string, runId: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(model)) {
    throw new UserError({
      input: `model ${JSON.stringify(model)}`,
      problem: 'is not a model name',
      expected: 'the name of a folder under models/: lower-case letters, digits and hyphens, e.g. iris',
    })
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(runId) || runId.includes('..')) {
    throw new UserError({
      input: `run ${JSON.stringify(runId)}`,
      problem: 'is not a run id',
      expected: `the name of a folder under runs/${model}/, e.g. 20261123-164512-3fa2`,
    })
  }
  return `${runArchivesOf(model)}${runId}.tar.gz`
}

/** The prefix under which every archived run of `model` lies. */
export function runArchivesOf(model: string): string {
  return `${RUN_ARCHIVES_PREFIX}${model}/`
}

/** The run id an archive key names, e.g. `20261123-164512-3fa2` for `runs/iris/20261123-164512-3fa2.tar.gz`. */
export function runIdOfKey(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1).replace(/\.tar\.gz$/, '')
}
