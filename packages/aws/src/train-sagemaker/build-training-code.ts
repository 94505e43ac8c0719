// Bundles a model's train entry (models/<model>/train/index.ts, with the core packages it uses) into
// the one ES module a SageMaker job runs from its `code` channel. The packages the runtime image
// installs stay external, as they do for runtime.mjs: the job's code and the runtime then share one
// tfjs, and the native TensorFlow backend the GPU image brings registers with the tfjs that trains.

import { buildEsModule, type EsModuleCode, RUNTIME_EXTERNALS } from '@sagepack/bundle'
import type { ModelFolder } from '@sagepack/core-train/workspace'

export function buildTrainingCode(options: {
  workspaceRoot: string
  folder: ModelFolder
}): Promise<EsModuleCode> {
  const { folder } = options
  return buildEsModule({
    workspaceRoot: options.workspaceRoot,
    entry: { path: folder.trainEntry },
    external: RUNTIME_EXTERNALS,
    header: `// sagepack training code for model ${folder.name}; built by \`sagepack train ${folder.name} --on sagemaker\`.`,
    what: 'the training code',
    retry: 'train again',
  })
}
