// Public API of @sagepack/core-train: tfjs backend choice, the fit loop and its callbacks, metrics,
// per-model config, the SageMaker training contract, runs, and the supervised training pipeline.
export {
  BACKEND_ENV,
  type BackendChoice,
  type BackendFamily,
  type ChooseBackendOptions,
  chooseBackend,
  describeBackendChoice,
} from './backend/choose-backend'
export { nvidiaGpuPresent } from './backend/gpu-present'
export type { ImportModule } from './backend/import-package'
export { positiveInteger } from './config/config-formats'
export { type ConfigKey, configKeys, envNameFor } from './config/config-schema'
export { type ConfigOf, defineModelConfig, type ModelConfigDefinition } from './config/define-model-config'
export {
  type DeploymentSettings,
  deploymentSettings,
  STAGES,
  type Stage,
  type StageDefaults,
  type StageSettings,
} from './config/deployment-settings'
export { type ConfigRow, describeConfig, readPath } from './config/describe-config'
export {
  type EvaluationConfigValues,
  type EvaluationDefaults,
  evaluationConfig,
  type GateDeclaration,
  type SliceDeclaration,
} from './config/evaluation-config'
export { readDeploymentSettings } from './config/read-deployment-settings'
export {
  type ConfigInputs,
  type ConfigSource,
  type ResolvedConfig,
  resolveConfig,
} from './config/resolve-config'
export { type BatchingDefaults, type ServeSettings, serveSettings } from './config/serve-settings'
export {
  type SupervisedConfigValues,
  type SupervisedDefaults,
  type SupervisedModelConfig,
  supervisedConfig,
  supervisedSettingsFrom,
} from './config/supervised-config'
export {
  decodeHyperparameter,
  decodeHyperparameters,
  encodeHyperparameter,
  isReservedHyperparameter,
} from './contract/hyperparameters'
export { EXIT_FAILED, EXIT_OK, EXIT_STOPPED, runTrainingJob } from './contract/run-training-job'
export { sagemakerEnvVars } from './contract/sagemaker-env-vars'
export { TRAINING_CODE_FILE } from './contract/train-code-location'
export { asTrainEntry, defineTrainEntry, type TrainEntry, type TrainingContext } from './contract/train-entry'
export {
  type ChannelInputConfig,
  type ResourceConfig,
  readTrainingEnvironment,
  type TrainingChannel,
  type TrainingEnvironment,
} from './contract/training-environment'
export {
  buildTrainingJobSpec,
  type ChannelSource,
  configToHyperparameters,
  type TrainingJobSpec,
  type TrainingJobSpecInput,
  trainingJobName,
} from './contract/training-job-spec'
export { channelDir, SAGEMAKER_ROOT, type TrainingLayout, trainingLayout } from './contract/training-layout'
export { channelSources } from './executors/channel-sources'
export { type LocalTrainingOptions, runLocalTraining } from './executors/local-executor'
export {
  loadTrainEntry,
  type PreparedTrainingJob,
  type PrepareTrainingJobOptions,
  prepareTrainingJob,
} from './executors/prepare-training-job'
export {
  runSageMakerTraining,
  type SageMakerPlacement,
  type SageMakerTrainingOptions,
  type SageMakerTrainingResult,
} from './executors/sagemaker-executor'
export { type TrainLocallyOptions, trainLocally } from './executors/train-locally'
export {
  type CheckpointInput,
  CheckpointStore,
  type LoadedCheckpoint,
  type NamedTensor,
} from './fit/checkpoint-store'
export { type EarlyStoppingOptions, earlyStopping } from './fit/early-stopping'
export type { EpochLogs, EpochProgress } from './fit/epoch-logs'
export { fit } from './fit/fit'
export type {
  EpochControl,
  FitCallback,
  FitOptions,
  FitResult,
  TrainBeginInfo,
} from './fit/fit-types'
export { formatMetricLine, formatMetricValue, metricDefinitions } from './fit/metric-line-format'
export { type MetricLinesOptions, metricLines } from './fit/metric-lines'
export { type ProgressBarOptions, progressBar } from './fit/progress-bar'
export { createTrainingLogger, type Logger, silentLogger } from './logging/create-logger'
export {
  type ClassificationMetrics,
  type ClassMetrics,
  classificationMetrics,
} from './metrics/classification-metrics'
export { type RegressionMetrics, regressionMetrics } from './metrics/regression-metrics'
export { loadModelDir, readModelArtifacts } from './model-files/load-model-dir'
export { MODEL_JSON, WEIGHTS_BIN } from './model-files/model-dir-layout'
export { saveModelDir } from './model-files/save-model-dir'
export { type DirectoryFiles, writeDirectoryAtomic } from './model-files/write-directory-atomic'
export { SUPPORTED_ACTIVATIONS } from './onnx-export/activation-nodes'
export { checkOnnxParity, type OnnxParity } from './onnx-export/check-onnx-parity'
export {
  type ExportOnnxModelOptions,
  type ExportOnnxOptions,
  exportOnnx,
  exportOnnxModel,
  type OnnxModelFiles,
} from './onnx-export/export-onnx'
export {
  EXTERNAL_DATA_ABOVE_BYTES,
  EXTERNAL_DATA_ALIGNMENT,
  type ExternalDataLayout,
  ONNX_EXTERNAL_DATA_FILE,
} from './onnx-export/external-data'
export { SUPPORTED_LAYERS } from './onnx-export/layer-converters'
export { TFJS_FALLBACK, UnsupportedLayerError } from './onnx-export/unsupported-layer-error'
export { writeOnnxFiles } from './onnx-export/write-onnx-files'
export { buildMlp, type MlpOptions } from './pipeline/build-mlp'
export { evaluateSplit, predict, type SplitEvaluation } from './pipeline/evaluate-split'
export {
  exportOnnxArtifact,
  ONNX_FILE,
  ONNX_PARITY_TOLERANCE,
  type OnnxExportReport,
} from './pipeline/export-onnx-artifact'
export { loadTrainedModel, predictRows, type TrainedModel } from './pipeline/load-trained-model'
export { DATA_CHECKS_FILE, type PreparedData, prepareTrainingData } from './pipeline/prepare-training-data'
export type { HiddenActivation, SupervisedSettings } from './pipeline/supervised-settings'
export {
  METRICS_FILE,
  type SupervisedModel,
  supervisedMetricNames,
  supervisedTrainEntry,
} from './pipeline/supervised-train-entry'
export { createRunDirectory, defaultRunsRoot, newRunId } from './runs/run-directory'
export {
  type RunRecord,
  type RunStatus,
  readRunRecord,
  type TrainingRunResult,
  writeRunRecord,
} from './runs/run-record'
export { requireS3Store } from './sagemaker/require-s3-store'
export { sageMakerName } from './sagemaker/sagemaker-name'
export { FINAL_JOB_STATUSES, type JobProgress, waitForJob } from './sagemaker/wait-for-job'
export { findWorkspaceRoot, listModels, locateModel, type ModelFolder } from './workspace/locate-model'
