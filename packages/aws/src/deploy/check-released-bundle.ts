// A model with a release.json deploys the run it promotes, nothing else: a bundle left in dist/ from
// another run (the latest experiment, say) is refused before anything is uploaded.
import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import type { UncheckedManifest } from '@sagepack/bundle'
import { UserError } from '@sagepack/core-data'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { readRelease, releaseFileOf } from '@sagepack/runs'

export async function checkReleasedBundle(options: {
  folder: ModelFolder
  bundle: string
  manifest: UncheckedManifest | undefined
  workspaceRoot: string
}): Promise<void> {
  const releaseFile = releaseFileOf(options.folder.dir)
  if (!existsSync(releaseFile)) return
  const release = await readRelease(releaseFile)
  const bundled = options.manifest?.runId
  if (bundled === release.runId) return
  const name = options.folder.name
  throw new UserError({
    input: relative(options.workspaceRoot, options.bundle) || options.bundle,
    problem: `was built from run ${String(bundled ?? '(none named)')}, but ${relative(options.workspaceRoot, releaseFile)} promotes run ${release.runId}`,
    expected: 'a bundle of the promoted run: what a merge of release.json deploys',
    fix: `run pnpm bundle ${name} (it bundles the promoted run), or promote this run with sagepack runs promote ${name} ${String(bundled ?? '<run>')}`,
  })
}
