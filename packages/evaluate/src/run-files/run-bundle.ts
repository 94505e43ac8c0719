// The model's dist bundle, when it was built from the run being evaluated: its sha256 goes into the
// report's identity, and the behaviour checks run through it instead of a bundle built for them.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { BUNDLE_FILE, verifyArchive } from '@sagepack/bundle'
import { isUserError, sha256OfFile } from '@sagepack/core-data'
import type { ModelFolder } from '@sagepack/core-train/workspace'

export async function bundleOfRun(
  folder: ModelFolder,
  runId: string,
): Promise<{ path: string; sha256: string } | null> {
  const path = join(folder.dir, BUNDLE_FILE)
  if (!existsSync(path)) return null
  try {
    const verified = await verifyArchive(path)
    if (verified.manifest?.runId !== runId) return null
  } catch (error) {
    // A bundle that does not verify is no bundle of this run; `pnpm bundle` says what is wrong with it.
    if (isUserError(error)) return null
    throw error
  }
  return { path, sha256: await sha256OfFile(path) }
}
