// `sagepack runs pull`: fetches a run's archive from the artifact store, checks its sha256, and
// unpacks it as a new run folder.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ArtifactStore, type TransferProgress, UserError } from '@sagepack/core-data'
import { extractRun, runExists } from './extract-run'
import { runArchiveKey, runArchivesOf, runIdOfKey } from './run-archive-key'

export interface PullRunOptions {
  store: ArtifactStore
  runsRoot: string
  model: string
  runId: string
  onProgress?: TransferProgress
}

export interface PulledRun {
  dir: string
  uri: string
  size: number
  sha256: string
}

export async function pullRun(options: PullRunOptions): Promise<PulledRun> {
  const { store, model, runId } = options
  const key = runArchiveKey(model, runId)
  const runDir = join(options.runsRoot, model, runId)
  if (existsSync(runDir)) throw runExists(runDir)
  const uri = store.uri(key)
  if (!(await store.head(key))) throw await notInStore(store, model, runId)
  const scratch = await mkdtemp(join(tmpdir(), 'sagepack-pull-'))
  try {
    const archive = join(scratch, `${runId}.tar.gz`)
    const fetched = await store.getFile(key, archive, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    })
    await extractRun(archive, runDir, uri)
    return { dir: runDir, uri, size: fetched.size, sha256: fetched.sha256 ?? '' }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

async function notInStore(store: ArtifactStore, model: string, runId: string): Promise<UserError> {
  const archived = (await store.list(runArchivesOf(model)))
    .filter((object) => object.key.endsWith('.tar.gz'))
    .map((object) => runIdOfKey(object.key))
  return new UserError({
    input: `run ${model}/${runId}`,
    problem: `is not in the artifact store ${store.root}`,
    expected:
      archived.length > 0
        ? `one of the runs archived there: ${archived.join(', ')}`
        : `no run of ${model} is archived there yet`,
    fix: `push it from the machine that has it (\`sagepack runs push ${model} ${runId}\`), or check --store and $SAGEPACK_ARTIFACT_STORE`,
  })
}
