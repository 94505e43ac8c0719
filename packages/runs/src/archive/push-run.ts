// `sagepack runs push`: packs a finished run and puts it in the artifact store, so a team shares it.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ArtifactStore, sha256OfFile, type TransferProgress, UserError } from '@sagepack/core-data'
import { readRunRecord } from '@sagepack/core-train/workspace'
import { noSuchRun } from '../catalog/model-run-folders'
import { packRun } from './pack-run'
import { runArchiveKey } from './run-archive-key'

export interface PushRunOptions {
  store: ArtifactStore
  runsRoot: string
  model: string
  runId: string
  /** Replace an archive of this run that holds other bytes. */
  force?: boolean
  onProgress?: TransferProgress
}

export interface PushedRun {
  uri: string
  size: number
  sha256: string
  entries: number
  /** `unchanged`: the store already held these exact bytes, so nothing was uploaded. */
  outcome: 'uploaded' | 'replaced' | 'unchanged'
}

export async function pushRun(options: PushRunOptions): Promise<PushedRun> {
  const { store, model, runId } = options
  const key = runArchiveKey(model, runId)
  const runDir = join(options.runsRoot, model, runId)
  await checkFinishedRun(runDir, options.runsRoot, model, runId)
  const scratch = await mkdtemp(join(tmpdir(), 'sagepack-push-'))
  try {
    const archive = join(scratch, `${runId}.tar.gz`)
    const entries = await packRun(runDir, archive)
    const sha256 = await sha256OfFile(archive)
    const existing = await store.head(key)
    const uri = store.uri(key)
    if (existing?.sha256 === sha256)
      return { uri, size: existing.size, sha256, entries, outcome: 'unchanged' }
    if (existing && !options.force) {
      throw new UserError({
        input: uri,
        problem: `already holds an archive of run ${model}/${runId} with other contents (sha256 ${existing.sha256 ?? 'not recorded'}, here ${sha256})`,
        expected:
          'no archive of this run in the store yet, or one of the same bytes (a run never changes once finished)',
        fix: `pull it into another folder (--runs-dir) to compare, or pass --force to replace it`,
      })
    }
    const stored = await store.putFile(key, archive, {
      sha256,
      contentType: 'application/gzip',
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    })
    return { uri, size: stored.size, sha256, entries, outcome: existing ? 'replaced' : 'uploaded' }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

async function checkFinishedRun(
  runDir: string,
  runsRoot: string,
  model: string,
  runId: string,
): Promise<void> {
  if (!existsSync(runDir)) throw noSuchRun(runsRoot, model, runId)
  const record = await readRunRecord(runDir)
  if (record.status === 'running') {
    throw new UserError({
      input: runDir,
      problem: 'is still running (run.json says "status": "running"), so its files are still changing',
      expected: 'a finished run (completed, failed or stopped)',
      fix: 'push it once it has finished; if its process died, mark it stopped in run.json first',
    })
  }
}
