// The digest that identifies a run's trained artifacts: the sha256 of the `sha256sum` listing of every
// file under the run's model/ folder (weights, model.json, preprocessor.json, ...), paths relative to
// model/ in byte order, one `<sha256>  <path>\n` line each. The same bytes anywhere (a retrained run
// never has them; a pulled run must) give the same digest, and anyone can recompute it:
//   cd runs/<model>/<run>/model && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256OfFile, UserError } from '@sagepack/core-data'
import { compareArchivePaths } from '@sagepack/bundle'

/** The folder of a run that holds its artifacts, as the training contract's /opt/ml/model. */
const ARTIFACTS_FOLDER = 'model'

export interface ArtifactFile {
  /** POSIX path relative to the run's model/ folder. */
  path: string
  sha256: string
  size: number
}

export interface ArtifactDigest {
  sha256: string
  /** Sorted by path, in byte order. */
  files: ArtifactFile[]
}

export async function artifactDigest(runDir: string): Promise<ArtifactDigest> {
  const root = join(runDir, ARTIFACTS_FOLDER)
  if (!existsSync(root)) {
    throw new UserError({
      input: root,
      problem: 'does not exist',
      expected: "the run's artifacts, which a completed training run writes to model/",
      fix: 'check the run id, or train again',
    })
  }
  const files: ArtifactFile[] = []
  const walk = async (relative: string): Promise<void> => {
    for (const name of await readdir(join(root, relative))) {
      const path = relative === '' ? name : `${relative}/${name}`
      const absolute = join(root, path)
      const info = await lstat(absolute)
      if (info.isDirectory()) {
        await walk(path)
      } else if (info.isFile() && !/[\n\\]/.test(path)) {
        files.push({ path, sha256: await sha256OfFile(absolute), size: info.size })
      } else {
        throw new UserError({
          input: absolute,
          problem: info.isFile()
            ? 'has a newline or backslash in its name, which a sha256sum listing cannot hold as is'
            : `is ${info.isSymbolicLink() ? 'a symlink' : 'neither a file nor a folder'}`,
          expected: 'plain files and folders under model/, as training writes them',
          fix: 'replace it by a plain file (or move it out of model/)',
        })
      }
    }
  }
  await walk('')
  if (files.length === 0) {
    throw new UserError({
      input: root,
      problem: 'holds no files',
      expected: "the run's artifacts, which a completed training run writes to model/",
      fix: 'train again',
    })
  }
  files.sort((a, b) => compareArchivePaths(a.path, b.path))
  return { sha256: digestOfListing(files), files }
}

/** sha256 of the `sha256sum` lines of `files`, which must be sorted by path. */
function digestOfListing(files: ArtifactFile[]): string {
  const listing = files.map((file) => `${file.sha256}  ${file.path}\n`).join('')
  return createHash('sha256').update(listing).digest('hex')
}
