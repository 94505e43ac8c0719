// models/<model>/release.json (committed): the run a merge deploys, with the digest of its artifacts so
// a bundle is built from exactly the promoted bytes. Older files may hold only "runId".
import { join } from 'node:path'
import { type GitState, readJsonFile, UserError } from '@sagepack/core-data'
import type { ArtifactFile } from './artifact-digest'

const RELEASE_FILE = 'release.json'
export const RELEASE_FORMAT = 'sagepack.release/v1'

export interface Release {
  format?: string
  model?: string
  runId: string
  /** The artifact digest of the run's model/ folder (see artifact-digest.ts). */
  sha256?: string
  /** model/'s files with their digests, so a mismatch can name the files that differ. */
  artifacts?: ArtifactFile[]
  /** sha256 of the run's config.json bytes. */
  configSha256?: string
  /** The run's split metrics, `test.accuracy` to its value. */
  metrics?: Record<string, number>
  /** The tfjs backend the run trained on. */
  backend?: string | null
  /** The commit the run was trained from, and whether the tree was dirty. */
  git?: GitState
  /** The evaluation report's test metrics when the run was promoted (the champion's, for later runs). */
  evaluation?: ReleaseEvaluation
  /** Present when the run failed a champion gate and was promoted anyway (`runs promote --force --reason`). */
  override?: ReleaseOverride
}

export interface ReleaseEvaluation {
  /** Test metric name to value, e.g. {"f1_macro": 0.97, "roc_auc": 0.99}. */
  metrics: Record<string, number>
}

export interface ReleaseOverride {
  /** Why the failing gates were overridden, in the promoter's words. */
  reason: string
  /** What each failing gate said. */
  failedGates: string[]
}

export function releaseFileOf(modelDir: string): string {
  return join(modelDir, RELEASE_FILE)
}

export async function readRelease(releaseFile: string): Promise<Release> {
  const release = await readJsonFile(releaseFile, {
    expected: '{"runId": "<run id>", ...}',
    fix: 'fix the JSON, or delete the file to bundle the latest run',
  })
  const { runId, sha256, artifacts } = (release ?? {}) as Record<string, unknown>
  if (typeof runId !== 'string' || runId === '') {
    throw new UserError({
      input: releaseFile,
      problem: 'has no "runId"',
      expected: 'the id of the run to release, e.g. {"runId": "20261123-164512-3fa2"}',
      fix: 'write the run id of a completed run, or delete the file to bundle the latest run',
    })
  }
  if (sha256 !== undefined && (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))) {
    throw new UserError({
      input: `${releaseFile}: "sha256"`,
      problem: `is ${JSON.stringify(sha256)}`,
      expected: "64 lower-case hex digits: the sha256 of the run's artifacts",
      fix: 'promote the run again with `sagepack runs promote <model> <run>`, which writes it',
    })
  }
  return {
    ...(release as Release),
    // Only used to name the files that differ, so a malformed list is left out rather than refused.
    ...(Array.isArray(artifacts) && artifacts.every(isArtifactFile) ? {} : { artifacts: undefined }),
  }
}

function isArtifactFile(value: unknown): value is ArtifactFile {
  const file = value as Partial<ArtifactFile> | null
  return typeof file?.path === 'string' && typeof file.sha256 === 'string'
}
