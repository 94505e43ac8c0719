// Picks the fastest tfjs backend this process can use: native TensorFlow on a GPU, native TensorFlow on
// the CPU, WebAssembly, then plain JavaScript. The native packages exist only in the GPU runtime image,
// so they are imported at run time and never declared as dependencies.
import { UserError } from '@sagepack/core-data'
import * as tf from '@tensorflow/tfjs'
import { nvidiaGpuPresent } from './gpu-present'
import { type ImportModule, importWithNode, tryImport } from './import-package'

export const BACKEND_ENV = 'SAGEPACK_TFJS_BACKEND'

export type BackendFamily = 'tensorflow' | 'wasm' | 'cpu'

const FAMILIES: readonly BackendFamily[] = ['tensorflow', 'wasm', 'cpu']

interface Candidate {
  package: string
  /** The name the package registers with tfjs (`tf.setBackend`). */
  backend: string
  gpu: boolean
  family: BackendFamily
  /** The cpu backend ships inside @tensorflow/tfjs: nothing to import. */
  needsImport: boolean
}

/** Fastest first. */
const CANDIDATES: readonly Candidate[] = [
  {
    package: '@tensorflow/tfjs-node-gpu',
    backend: 'tensorflow',
    gpu: true,
    family: 'tensorflow',
    needsImport: true,
  },
  {
    package: '@tensorflow/tfjs-node',
    backend: 'tensorflow',
    gpu: false,
    family: 'tensorflow',
    needsImport: true,
  },
  {
    package: '@tensorflow/tfjs-backend-wasm',
    backend: 'wasm',
    gpu: false,
    family: 'wasm',
    needsImport: true,
  },
  { package: '@tensorflow/tfjs', backend: 'cpu', gpu: false, family: 'cpu', needsImport: false },
]

export interface BackendChoice {
  /** `tf.getBackend()` after the choice. */
  backend: string
  package: string
  gpu: boolean
  /** Every candidate looked at, in order, with why it was skipped or `selected`. */
  tried: Array<{ candidate: string; outcome: string }>
}

export interface ChooseBackendOptions {
  /** Injected in tests to simulate the GPU runtime image. */
  importModule?: ImportModule
  gpuPresent?: () => boolean
  /** Where SAGEPACK_TFJS_BACKEND is read; process.env by default. */
  env?: Record<string, string | undefined>
}

export async function chooseBackend(options: ChooseBackendOptions = {}): Promise<BackendChoice> {
  const importModule = options.importModule ?? importWithNode
  const gpuPresent = options.gpuPresent ?? nvidiaGpuPresent
  const forced = parseForcedBackend((options.env ?? process.env)[BACKEND_ENV])
  const tried: BackendChoice['tried'] = []
  for (const candidate of CANDIDATES) {
    if (forced !== undefined && candidate.family !== forced) continue
    const outcome = await activate(candidate, importModule, gpuPresent)
    tried.push({ candidate: candidate.package, outcome })
    if (outcome === 'selected') {
      return { backend: tf.getBackend(), package: candidate.package, gpu: candidate.gpu, tried }
    }
  }
  const attempts = tried.map((t) => `${t.candidate}: ${t.outcome}`).join('; ')
  if (forced !== undefined) {
    throw new UserError({
      input: `${BACKEND_ENV}=${forced}`,
      problem: `the ${forced} backend is not available in this environment (${attempts})`,
      expected: `a backend whose package is installed: ${candidatesOf(forced).join(' or ')}`,
      fix: `unset ${BACKEND_ENV} to pick the fastest available backend, or run where that package is installed (the GPU runtime image has @tensorflow/tfjs-node-gpu)`,
    })
  }
  // The cpu backend is built into @tensorflow/tfjs, so this means tfjs itself is broken.
  throw new Error(`no tfjs backend could be initialised: ${attempts}`)
}

/** One line for the run log. */
export function describeBackendChoice(choice: BackendChoice): string {
  const tried = choice.tried.map((t) => `${t.candidate} (${t.outcome})`).join(', ')
  return `tfjs backend ${choice.backend} from ${choice.package}${choice.gpu ? ' on GPU' : ''}; tried: ${tried}`
}

function parseForcedBackend(value: string | undefined): BackendFamily | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const family = value.trim().toLowerCase()
  if ((FAMILIES as readonly string[]).includes(family)) return family as BackendFamily
  throw new UserError({
    input: `${BACKEND_ENV}=${value}`,
    problem: 'unknown tfjs backend',
    expected: FAMILIES.join(', '),
    fix: `set ${BACKEND_ENV} to one of ${FAMILIES.join(', ')}, or unset it to pick automatically`,
  })
}

function candidatesOf(family: BackendFamily): string[] {
  return CANDIDATES.filter((c) => c.family === family).map((c) => c.package)
}

async function activate(
  candidate: Candidate,
  importModule: ImportModule,
  gpuPresent: () => boolean,
): Promise<string> {
  // Loading tfjs-node-gpu without a GPU drags in CUDA and prints pages of warnings: don't even try.
  if (candidate.gpu && !gpuPresent()) return 'skipped: no NVIDIA GPU found'
  if (candidate.needsImport) {
    const imported = await tryImport(candidate.package, importModule)
    if (!imported.ok) return imported.notInstalled ? 'not installed' : `import failed: ${imported.message}`
  }
  try {
    const ok = await tf.setBackend(candidate.backend)
    if (ok) return 'selected'
    return `imported, but backend "${candidate.backend}" failed to initialise`
  } catch (error) {
    return `backend "${candidate.backend}" failed: ${error instanceof Error ? error.message : String(error)}`
  }
}
