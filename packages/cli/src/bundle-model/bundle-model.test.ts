import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { describe, expect, it } from 'vitest'
import { writeRunFolder } from '../runs-archive/run-folder.fixture'
import { artifactDigest } from '../runs-release/artifact-digest'
import { bundleModel } from './bundle-model'

const workspaceRoot = findWorkspaceRoot()

describe('bundleModel', () => {
  it('takes the weights digests it is given (the release check just took them) instead of hashing again', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'bundle-model-'))
    const runDir = await writeRunFolder(join(scratch, 'runs'), 'iris', '20261123-164512-3fa2')
    const { files } = await artifactDigest(runDir)
    const bundle = (name: string, digests: typeof files) =>
      bundleModel({
        workspaceRoot,
        folder: locateModel(workspaceRoot, 'iris'),
        runId: '20261123-164512-3fa2',
        runDir,
        outFile: join(scratch, name),
        artifactDigests: new Map(digests.map((file) => [file.path, file])),
      })
    const built = await bundle('given.tar.gz', files)
    const onnx = files.find((file) => file.path === 'model.onnx')
    expect(built.manifest.files).toContainEqual({
      path: 'model.onnx',
      sha256: onnx?.sha256,
      size: onnx?.size,
    })
    // Proof that the given digest is the one used: a wrong one goes into the manifest unread, and the
    // archive's read-back refuses the bundle rather than ship bytes other than the digests say.
    const wrong = files.map((file) => ({ ...file, sha256: 'f'.repeat(64) }))
    await expect(bundle('wrong.tar.gz', wrong)).rejects.toThrow('the new archive failed its check')
  }, 60_000)
})
