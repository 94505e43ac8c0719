import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { describe, expect, it } from 'vitest'
import { checkReleasedBundle } from './check-released-bundle'

function folderWith(release?: object): ModelFolder {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-released-'))
  if (release) writeFileSync(join(dir, 'release.json'), JSON.stringify(release))
  return { name: 'iris', dir } as ModelFolder
}

const manifestOf = (runId: string) => ({ files: [], runId })

describe('checkReleasedBundle', () => {
  it('lets any bundle through when the model promotes no run', async () => {
    const folder = folderWith()
    await expect(
      checkReleasedBundle({
        folder,
        bundle: 'b.tar.gz',
        manifest: manifestOf('r1'),
        workspaceRoot: folder.dir,
      }),
    ).resolves.toBeUndefined()
  })

  it('lets the promoted run through', async () => {
    const folder = folderWith({ runId: 'r2' })
    await expect(
      checkReleasedBundle({
        folder,
        bundle: 'b.tar.gz',
        manifest: manifestOf('r2'),
        workspaceRoot: folder.dir,
      }),
    ).resolves.toBeUndefined()
  })

  it('refuses a bundle of another run, naming both runs and the fix', async () => {
    const folder = folderWith({ runId: 'r2' })
    const error = await checkReleasedBundle({
      folder,
      bundle: join(folder.dir, 'dist', 'model.tar.gz'),
      manifest: manifestOf('r1'),
      workspaceRoot: folder.dir,
    }).catch((e: unknown) => e)
    expect(isUserError(error)).toBe(true)
    expect((error as Error).message).toMatch(/built from run r1, but release\.json promotes run r2/)
    expect((error as Error).message).toMatch(/pnpm bundle iris/)
  })
})
