// Before a bundle is built from the run release.json promotes, the run's artifacts must be the ones that
// were promoted: someone may have retrained into another run folder, or pulled a run that differs.

import { UserError } from '@sagepack/core-data'
import type { ArtifactDigest, ArtifactFile } from './artifact-digest'
import { artifactDigest } from './artifact-digest'
import type { Release } from './release-file'

/** The run's digest when it matches (or release.json records none); a UserError naming the files otherwise. */
export async function checkReleasedArtifacts(options: {
  runDir: string
  release: Release
  releaseFile: string
  model: string
}): Promise<ArtifactDigest | null> {
  const { release } = options
  if (!release.sha256) return null
  const found = await artifactDigest(options.runDir)
  if (found.sha256 === release.sha256) return found
  const changed = release.artifacts ? changedFiles(release.artifacts, found.files) : []
  throw new UserError({
    input: `run ${options.model}/${release.runId}`,
    problem:
      `its artifacts (model/) have sha256 ${found.sha256}, but ${options.releaseFile} promoted sha256 ${release.sha256}` +
      (changed.length > 0 ? `; ${changed.join(', ')}` : ''),
    expected: 'the artifacts the run had when it was promoted',
    fix:
      `fetch the promoted run into another folder (\`sagepack runs pull ${options.model} ${release.runId} --runs-dir <dir>\`) ` +
      'and bundle from there (--runs-dir <dir>), ' +
      `or, if these artifacts are the ones to ship, promote the run again (\`sagepack runs promote ${options.model} ${release.runId}\`) and commit release.json`,
  })
}

/** `model.onnx differs`, `weights.bin is missing`, `extra.bin was added`. */
function changedFiles(promoted: ArtifactFile[], found: ArtifactFile[]): string[] {
  const now = new Map(found.map((file) => [file.path, file.sha256]))
  const then = new Map(promoted.map((file) => [file.path, file.sha256]))
  return [
    ...promoted
      .filter((file) => now.get(file.path) !== file.sha256)
      .map((file) => `${file.path} ${now.has(file.path) ? 'differs' : 'is missing'}`),
    ...found.filter((file) => !then.has(file.path)).map((file) => `${file.path} was added`),
  ]
}
