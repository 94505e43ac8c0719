// A light entry to core-train for tools that only find models and runs (bundle, inspect, deploy's
// argument checks): no tfjs, no onnxruntime, so a CLI command that does not train starts fast and small.

export { STAGES, type Stage } from '../config/deployment-settings'
export type {
  EvaluationConfigValues,
  GateDeclaration,
  SliceDeclaration,
} from '../config/evaluation-config'
export { loadConfigDefinition } from '../config/load-config-definition'
export { resolveConfig } from '../config/resolve-config'
export { createRunDirectory, defaultRunsRoot, newRunId } from '../runs/run-directory'
export { type RunRecord, type RunStatus, readRunRecord, writeRunRecord } from '../runs/run-record'
export { findWorkspaceRoot, listModels, locateModel, type ModelFolder } from './locate-model'
