// Builds a model's bundle end to end for the CLI: pick the run (training one first when there is
// none), bundle it with a progress bar, and report what was written.
import { relative } from 'node:path'
import { type BundleResult, bundleModel, type PhaseTiming } from '@sagepack/bundle'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { checkReleasedArtifacts, selectRun } from '@sagepack/runs'
import { archiveProgress } from './archive-progress'
import { formatBytes } from './format-bytes'

export interface BuildBundleOptions {
  workspaceRoot: string
  folder: ModelFolder
  runsRoot: string
  runId?: string
  outFile?: string
  /** Where progress and the summary go; stdout by default. */
  out?: NodeJS.WritableStream
  /** Print the wall and CPU time of each phase after the summary. */
  timings?: boolean
}

/** Returns null when training was needed and failed (its reason is already printed). */
export async function buildBundle(options: BuildBundleOptions): Promise<BundleResult | null> {
  const { workspaceRoot, folder, runsRoot } = options
  const out = options.out ?? process.stdout
  let run = await selectRun({
    runsRoot,
    model: folder.name,
    modelDir: folder.dir,
    ...(options.runId ? { runId: options.runId } : {}),
  })
  if (!run) {
    out.write(`${folder.name} has no completed run yet: training one first (pnpm train ${folder.name}).\n`)
    // Loaded only here: training brings tfjs and onnxruntime, which bundling alone does not need.
    const { trainLocally } = await import('@sagepack/core-train')
    const trained = await trainLocally({ workspaceRoot, model: folder.name, runsRoot })
    if (trained.status !== 'completed') {
      process.stderr.write(
        `training failed (exit ${trained.exitCode}); nothing bundled.\n${trained.failureReason ?? ''}`,
      )
      process.exitCode = trained.exitCode
      return null
    }
    run = { runId: trained.runId, runDir: trained.runDir, reason: 'latest' }
  }
  // Checked before anything is built: a bundle of other bytes than the promoted ones must not ship.
  const verified = run.release
    ? await checkReleasedArtifacts({
        runDir: run.runDir,
        release: run.release.content,
        releaseFile: relative(process.cwd(), run.release.file) || run.release.file,
        model: folder.name,
      })
    : null
  const why =
    run.reason === 'flag'
      ? 'as asked'
      : run.reason === 'release'
        ? `promoted in release.json${verified ? ', artifacts sha256 verified' : ''}`
        : 'the latest completed run'
  out.write(`bundling ${folder.name} from run ${run.runId} (${why})\n`)
  const started = Date.now()
  const progress = archiveProgress()
  const phases: PhaseTiming[] = []
  const result = await bundleModel({
    workspaceRoot,
    folder,
    runId: run.runId,
    runDir: run.runDir,
    ...(options.outFile ? { outFile: options.outFile } : {}),
    // The release check just hashed model/: the weights' digests are not taken a second time.
    ...(verified ? { artifactDigests: new Map(verified.files.map((file) => [file.path, file])) } : {}),
    onProgress: progress.update,
    ...(options.timings ? { onPhase: (timing: PhaseTiming) => phases.push(timing) } : {}),
  }).finally(() => progress.stop())
  const where = relative(process.cwd(), result.path) || result.path
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  out.write(
    (result.cached
      ? `up to date: ${where} already holds this run, code and config (cache hit, checked in ${seconds} s)\n`
      : `wrote ${where} in ${seconds} s\n`) +
      `  ${formatBytes(result.size)}, ${result.manifest.files.length + 1} files, ${result.manifest.modelFormat} weights, verified\n` +
      `  sha256 ${result.sha256}\n` +
      phases.map(phaseLine).join(''),
  )
  return result
}

/** `  phase compress: 9.10 s wall, 17.20 s cpu`: one line per phase, read by bench/bundle. */
function phaseLine(timing: PhaseTiming): string {
  const cpu = timing.cpuSeconds === undefined ? '' : `, ${timing.cpuSeconds.toFixed(2)} s cpu`
  const during = timing.during ? ` (during ${timing.during})` : ''
  return `  phase ${timing.phase}: ${timing.wallSeconds.toFixed(2)} s wall${cpu}${during}\n`
}
