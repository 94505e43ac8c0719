// Bundles a model's inference handler (and the core packages it uses) into one ES module with
// esbuild. Native packages stay external: the runtime image provides them, at the versions that
// code/package.json lists.
import { buildEsModule, type EsModuleCode } from '../code/build-es-module'

/** Packages with native binaries: never bundled, always provided by the runtime image. */
const NATIVE_PACKAGES = ['onnxruntime-node', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'] as const

/** With no inference/index.ts, the bundle carries an empty handler: every hook takes its default. */
const DEFAULT_HANDLER = 'export default {}\n'

export function buildInferenceCode(options: {
  workspaceRoot: string
  /** models/<model>/inference/index.ts, or undefined when the model has no inference code. */
  entry: string | undefined
  model: string
}): Promise<EsModuleCode> {
  return buildEsModule({
    workspaceRoot: options.workspaceRoot,
    entry: options.entry
      ? { path: options.entry }
      : { contents: DEFAULT_HANDLER, name: `the default handler of ${options.model}` },
    external: NATIVE_PACKAGES,
    header: `// sagepack inference code for model ${options.model}; built by \`pnpm bundle ${options.model}\`.`,
    what: 'the inference code',
    retry: 'bundle again',
  })
}
