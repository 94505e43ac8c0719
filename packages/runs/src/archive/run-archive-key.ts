// Where a run's archive lives in the artifact store: runs/<model>/<run-id>.tar.gz.
import { checkModelName, checkRunId } from '../catalog/run-names'

const RUN_ARCHIVES_PREFIX = 'runs/'

/** The store key of a run's archive; a UserError when the model or run id cannot be a folder name. */
export function runArchiveKey(model: string, runId: string): string {
  checkModelName(model)
  checkRunId(model, runId)
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
