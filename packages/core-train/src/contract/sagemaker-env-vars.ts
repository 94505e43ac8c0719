// The SM_* environment variables the SageMaker training toolkit sets for a training script, derived
// from the same files, so code that reads them works the same locally and on SageMaker.
import { availableParallelism } from 'node:os'
import type { TrainingEnvironment } from './training-environment'

export interface HostFacts {
  numCpus?: number
  numGpus?: number
  logLevel?: number
}

export function sagemakerEnvVars(env: TrainingEnvironment, facts: HostFacts = {}): Record<string, string> {
  const { layout, resourceConfig } = env
  const channelNames = Object.keys(env.channels).sort()
  const vars: Record<string, string> = {
    SM_MODEL_DIR: layout.modelDir,
    SM_INPUT_DIR: layout.inputDir,
    SM_INPUT_CONFIG_DIR: layout.inputConfigDir,
    SM_OUTPUT_DIR: layout.outputDir,
    SM_OUTPUT_DATA_DIR: layout.outputDataDir,
    SM_CHECKPOINT_DIR: layout.checkpointsDir,
    SM_CHANNELS: JSON.stringify(channelNames),
    SM_HPS: JSON.stringify(env.hyperparameters),
    SM_CURRENT_HOST: resourceConfig.current_host,
    SM_HOSTS: JSON.stringify(resourceConfig.hosts),
    SM_NETWORK_INTERFACE_NAME: resourceConfig.network_interface_name ?? 'eth0',
    SM_CURRENT_INSTANCE_TYPE: resourceConfig.current_instance_type ?? 'local',
    SM_NUM_CPUS: String(facts.numCpus ?? availableParallelism()),
    SM_NUM_GPUS: String(facts.numGpus ?? 0),
    SM_LOG_LEVEL: String(facts.logLevel ?? 20),
    SM_RESOURCE_CONFIG: JSON.stringify(resourceConfig),
    SM_INPUT_DATA_CONFIG: JSON.stringify(env.inputDataConfig),
    SM_USER_ARGS: JSON.stringify([]),
  }
  for (const name of channelNames) {
    vars[`SM_CHANNEL_${name.toUpperCase()}`] = env.channels[name]?.dir ?? ''
  }
  for (const [key, value] of Object.entries(env.hyperparameters)) {
    vars[`SM_HP_${key.toUpperCase()}`] = value
  }
  vars.SM_TRAINING_ENV = JSON.stringify({
    channel_input_dirs: Object.fromEntries(channelNames.map((n) => [n, env.channels[n]?.dir])),
    current_host: resourceConfig.current_host,
    hosts: resourceConfig.hosts,
    hyperparameters: env.hyperparameters,
    input_data_config: env.inputDataConfig,
    model_dir: layout.modelDir,
    output_data_dir: layout.outputDataDir,
    num_cpus: Number(vars.SM_NUM_CPUS),
    num_gpus: Number(vars.SM_NUM_GPUS),
  })
  return vars
}
