// Unpacks a run archive into a new run folder, by the bundle extractor's path rules: folders and
// regular files at relative paths that stay inside, nothing else. It unpacks beside the target and
// renames into place, so the run folder is complete or absent.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { extract } from 'tar'
import { archivePathProblem, bundlePathOf } from '@sagepack/bundle'

/** Extracts `archive` into `runDir`, which must not exist; `uri` names the archive in errors. */
export async function extractRun(archive: string, runDir: string, uri: string): Promise<void> {
  if (existsSync(runDir)) throw runExists(runDir)
  await mkdir(dirname(runDir), { recursive: true })
  const staging = join(dirname(runDir), `.${basename(runDir)}.${randomBytes(6).toString('hex')}.pulling`)
  const refused: string[] = []
  try {
    await mkdir(staging)
    try {
      await extract({
        file: archive,
        cwd: staging,
        strict: true,
        // Files get the time they were pulled: the archive stores the epoch, for reproducibility.
        noMtime: true,
        // Checkpoints of zero-filled tensors compress past node-tar's 1000:1 bomb guard; the archive's
        // sha256 was checked against the store's record before this runs.
        maxDecompressionRatio: Number.POSITIVE_INFINITY,
        filter: (entryPath, entry) => {
          const type = 'type' in entry ? entry.type : 'File'
          const path = bundlePathOf(entryPath).replace(/\/+$/, '')
          if (type === 'Directory' && path === '') return false
          const problem =
            type === 'Directory' || type === 'File' || type === 'OldFile'
              ? archivePathProblem(path)
              : `a ${type} entry, but run archives hold files and folders only`
          if (problem) refused.push(`${JSON.stringify(entryPath)}: ${problem}`)
          return problem === undefined
        },
      })
    } catch (error) {
      throw new UserError(
        {
          input: uri,
          problem: `cannot be unpacked: ${(error as Error).message}`,
          expected: 'a gzip-compressed tar archive of a run folder, as `sagepack runs push` writes it',
          fix: 'push the run again from the machine that has it',
        },
        { cause: error },
      )
    }
    if (refused.length > 0) {
      throw new UserError({
        input: uri,
        problem: `holds entries that cannot be extracted safely: ${refused.join('; ')}`,
        expected: 'a run archive written by `sagepack runs push`: files and folders at relative paths',
        fix: 'push the run again with `sagepack runs push`',
      })
    }
    if (!existsSync(join(staging, 'run.json'))) {
      throw new UserError({
        input: uri,
        problem: 'holds no run.json at its top level, so it is not a run archive',
        expected:
          'a run folder archived from its inside: run.json, config.json, model/, ... at the top level',
        fix: 'push the run again with `sagepack runs push`',
      })
    }
    // Checked again: the download may have taken minutes, and an existing empty folder would be replaced.
    if (existsSync(runDir)) throw runExists(runDir)
    await rename(staging, runDir)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}

export function runExists(runDir: string): UserError {
  return new UserError({
    input: runDir,
    problem: 'already exists, and runs are never overwritten',
    fix: 'move or delete that folder first, or pull into another folder with --runs-dir',
  })
}
