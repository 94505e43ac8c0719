// A light entry to core-train for tools that only find models and runs (bundle, inspect, deploy's
// argument checks): no tfjs, no onnxruntime, so a CLI command that does not train starts fast and small.

export { STAGES, type Stage } from '../config/deployment-settings'
export { loadConfigDefinition } from '../config/load-config-definition'
export { createRunDirectory, defaultRunsRoot, newRunId } from '../runs/run-directory'
export { type RunRecord, type RunStatus, readRunRecord, writeRunRecord } from '../runs/run-record'
export { findWorkspaceRoot, listModels, locateModel, type ModelFolder } from './locate-model'
