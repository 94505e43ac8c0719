// `pnpm bundle <model>`: a run's artifacts + the model's bundled inference code + a manifest of
// digests, written as models/<model>/dist/model.tar.gz in the layout SageMaker extracts to /opt/ml/model.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { gitState, UserError } from '@sagepack/core-data'
import type { ArchiveEntry } from '../archive/archive-entry'
import { type PhaseListener, startPhase } from '../archive/phase-timing'
import { writeArchive } from '../archive/write-archive'
import { bundleCacheKey, cachedBundle, recordBundle } from '../cache/bundle-cache'
import { type BundleFile, collectBundleFiles } from '../collect/collect-bundle-files'
import {
  type BundleManifest,
  EXAMPLE_FILE,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
} from '../manifest/bundle-manifest'
import { buildManifest, type FileDigest, fileDigest, serializeManifest } from '../manifest/manifest'
import { buildInferenceCode } from './build-inference-code'
import { readRequestExample } from './request-example'
import { runtimeDependencies } from './runtime-dependencies'
import { runtimeImagePackages } from './runtime-image-packages'

export const BUNDLE_FILE = join('dist', 'model.tar.gz')
const BUNDLE_IGNORE_FILE = '.bundleignore'

/** The model folder a bundle is made for (a workspace's `ModelFolder` fits). */
export interface BundledModelFolder {
  name: string
  /** models/<name>/: its package.json gives the version, its .bundleignore what to leave out. */
  dir: string
  /**
   * models/<name>/inference/index.ts; the default handler is bundled when it does not exist. The
   * example request beside it (example.json), if any, goes into the bundle too.
   */
  inferenceEntry: string
}

export interface BundleResult {
  path: string
  sha256: string
  size: number
  manifest: BundleManifest
  /** True when the bundle already there was exactly this one, so nothing was written. */
  cached: boolean
}

export async function bundleModel(options: {
  workspaceRoot: string
  folder: BundledModelFolder
  runId: string
  runDir: string
  outFile?: string
  /**
   * Digests already taken of the files under the run's model/, keyed by path relative to model/ (the
   * release check takes them): not taken again. The archive's read-back checks the bytes against them.
   */
  artifactDigests?: ReadonlyMap<string, FileDigest>
  onProgress?: (done: number, total: number) => void
  /** Called as each phase ends (collect and hash, then the archive writer's), with its wall and CPU time. */
  onPhase?: PhaseListener
}): Promise<BundleResult> {
  const { folder, runDir } = options
  const endCollect = startPhase('collect and hash', options.onPhase)
  const modelArtifacts = await collectBundleFiles(join(runDir, 'model'), {
    ignoreFile: join(folder.dir, BUNDLE_IGNORE_FILE),
  })
  const modelFormat = modelArtifacts.some((f) => f.archivePath === 'model.onnx') ? 'onnx' : 'tfjs'
  // An ONNX bundle carries model.onnx.data too: the external data a big model's weights are in.
  const weights = modelArtifacts.filter((f) =>
    modelFormat === 'onnx'
      ? f.archivePath !== 'model.json' && !f.archivePath.endsWith('.bin')
      : f.archivePath !== 'model.onnx' && f.archivePath !== 'model.onnx.data',
  )
  if (!weights.some((f) => f.archivePath === 'model.onnx' || f.archivePath === 'model.json')) {
    throw new UserError({
      input: join(runDir, 'model'),
      problem: 'holds neither model.onnx nor model.json',
      expected: 'the artifacts a completed training run writes',
      fix: `train again with \`pnpm train ${folder.name}\``,
    })
  }
  const configFile = join(runDir, 'config.json')
  const weightDigest = (file: BundleFile): FileDigest | Promise<FileDigest> => {
    const known = options.artifactDigests?.get(file.archivePath)
    return known?.size === file.size
      ? { sha256: known.sha256, size: known.size }
      : fileDigest(file.sourcePath)
  }
  // The inference code builds (and git and the image's pins answer) while the weights are hashed.
  const [code, configDigest, weightDigests, example, imagePackages, git] = await Promise.all([
    buildInferenceCode({
      workspaceRoot: options.workspaceRoot,
      entry: existsSync(folder.inferenceEntry) ? folder.inferenceEntry : undefined,
      model: folder.name,
    }),
    fileDigest(configFile),
    Promise.all(weights.map(weightDigest)),
    readRequestExample(folder.inferenceEntry),
    runtimeImagePackages(options.workspaceRoot),
    gitState(options.workspaceRoot),
  ])
  const dependencies = runtimeDependencies(imagePackages, modelFormat, Object.keys(code.externals))
  const codePackage = new TextEncoder().encode(
    `${JSON.stringify({ name: `${folder.name}-inference`, private: true, type: 'module', dependencies }, null, 2)}\n`,
  )

  // Files carry the digests just taken, so the writer does not hash them again (its read-back does).
  const entries: ArchiveEntry[] = [
    { archivePath: 'config.json', mode: 0o644, source: { path: configFile, ...configDigest } },
    ...weights.map((f, i) => ({
      archivePath: f.archivePath,
      // Weights and state are data, never run: 0644 whatever the run folder's file system reports (a
      // vfat, CIFS or WSL /mnt mount shows every file executable), so the bytes do not depend on it.
      mode: 0o644 as const,
      source: { path: f.sourcePath, ...(weightDigests[i] as FileDigest) },
    })),
    { archivePath: 'code/inference.mjs', mode: 0o644, source: { data: code.source } },
    { archivePath: 'code/package.json', mode: 0o644, source: { data: codePackage } },
    ...(example ? [{ archivePath: EXAMPLE_FILE, mode: 0o644, source: { data: example } } as const] : []),
  ]
  const digests = entries.map((entry) => ({
    archivePath: entry.archivePath,
    mode: entry.mode,
    ...digestOf(entry),
  }))
  const packageJson = JSON.parse(await readFile(join(folder.dir, 'package.json'), 'utf8')) as {
    version?: string
  }
  const manifest = buildManifest(
    {
      format: MANIFEST_FORMAT,
      name: folder.name,
      version: packageJson.version ?? '0.0.0',
      git,
      runId: options.runId,
      runtime: { name: 'sagepack-runtime', node: '>=20.19', dependencies },
      entry: 'code/inference.mjs',
      modelFormat,
    },
    digests,
  )
  const manifestEntry: ArchiveEntry = {
    archivePath: MANIFEST_FILE,
    mode: 0o644,
    source: { data: serializeManifest(manifest) },
  }
  // Keyed on the digests just taken; only the manifest, new here, is hashed.
  const key = bundleCacheKey([...digests, { ...manifestEntry, ...digestOf(manifestEntry) }])
  entries.push(manifestEntry)
  const outFile = options.outFile ?? join(folder.dir, BUNDLE_FILE)
  const cached = await cachedBundle(outFile, key)
  endCollect()
  if (cached) return { path: outFile, ...cached, cached: true }
  await mkdir(dirname(outFile), { recursive: true })
  const written = await writeArchive(entries, outFile, {
    onProgress: options.onProgress,
    onPhase: options.onPhase,
  })
  const result = { sha256: written.sha256, size: written.size, manifest }
  await recordBundle(outFile, key, result)
  return { path: outFile, ...result, cached: false }
}

function digestOf(entry: ArchiveEntry): FileDigest {
  const { source } = entry
  if ('data' in source) {
    return { sha256: createHash('sha256').update(source.data).digest('hex'), size: source.data.byteLength }
  }
  return { sha256: source.sha256 ?? '', size: source.size }
}
