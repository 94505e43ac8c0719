// Trains iris and bundles it into a temp folder with the real `sagepack` CLI, as the CLI's tests do;
// the folder is removed when the benchmark ends.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { onCleanup } from './exit-cleanup'

export const WORKSPACE_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SAGEPACK_BIN = join(WORKSPACE_ROOT, 'packages/cli/bin/sagepack.mjs')

export interface IrisBundle {
  /** Temp root holding everything below; removed on exit. */
  root: string
  /** runs/iris/<run-id>: the run the bundle was made from. */
  runDir: string
  /** The run's artifacts: model.onnx, model.json + weights.bin, preprocessor.json. */
  modelDir: string
  bundle: string
}

export async function prepareIrisBundle(log: (line: string) => void): Promise<IrisBundle> {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-serve-bench-'))
  onCleanup({
    graceful: () => rm(root, { recursive: true, force: true }),
    immediate: () => rmSync(root, { recursive: true, force: true }),
  })
  const runsDir = join(root, 'runs')
  const bundle = join(root, 'model.tar.gz')

  let started = Date.now()
  await runSagepack(['train', 'iris', '--runs-dir', runsDir])
  const runId = readdirSync(join(runsDir, 'iris'))[0]
  if (runId === undefined) throw new Error(`sagepack train iris wrote no run under ${runsDir}/iris`)
  log(`trained iris (run ${runId}) in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  started = Date.now()
  await runSagepack(['bundle', 'iris', '--runs-dir', runsDir, '--out', bundle])
  log(`bundled it into ${bundle} in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  const runDir = join(runsDir, 'iris', runId)
  return { root, runDir, modelDir: join(runDir, 'model'), bundle }
}

/** The real `sagepack` CLI of this checkout, its output kept for the error when it fails. */
export function runSagepack(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SAGEPACK_BIN, ...args], {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    // Ctrl-C reaches this child too (same process group) and ends it; our own handler cleans up the rest.
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`sagepack ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`))
    })
  })
}
