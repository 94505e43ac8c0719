// Public API of @sagepack/runs: a model's training runs — the catalog under runs/<model>/, which run a
// command takes, compare, promote (release.json), archive, and push/pull through the artifact store.

export { pullRun } from './archive/pull-run'
export { pushRun } from './archive/push-run'
export { runArchiveKey } from './archive/run-archive-key'
export { archiveRun } from './catalog/archive-run'
export { countArchivedRuns, findRunFolder, listRunFolders, modelsWithRuns } from './catalog/model-run-folders'
export { readRunSummary } from './catalog/read-run-summary'
export { selectRun } from './catalog/select-run'
export { checkReleasedArtifacts } from './release/check-released-artifacts'
export { promotableRun, promoteRun } from './release/promote-run'
export {
  type Release,
  type ReleaseEvaluation,
  type ReleaseOverride,
  readRelease,
  releaseFileOf,
} from './release/release-file'
export { formatDelta, formatMetric } from './report/format-run-fields'
export { headlineMetrics, keyMetricColumns } from './report/headline-metrics'
export { runsComparison } from './report/runs-comparison'
export { runsTable } from './report/runs-table'
