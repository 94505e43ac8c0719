import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { chmod, cp, mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { listArchive } from '../archive/read-archive'
import { fileDigest } from '../manifest/manifest'
import { bundleModel } from './bundle-model'
import { CPU, OTHER, readPackageList, workspaceWith } from './runtime-packages.fixture'

// The real workspace: the inference code builds there and its onnxruntime-node version is reported.
const workspaceRoot = fileURLToPath(new URL('../../../..', import.meta.url))

/** A model folder with no inference code (the default handler is bundled) and a trained run. */
async function modelAndRun(scratch: string): Promise<{ modelDir: string; runDir: string }> {
  const modelDir = join(scratch, 'models', 'demo')
  const runDir = join(scratch, 'runs', 'demo', '20261123-164512-3fa2')
  await mkdir(modelDir, { recursive: true })
  await mkdir(join(runDir, 'model'), { recursive: true })
  await writeFile(join(modelDir, 'package.json'), '{"name":"@sagepack/model-demo","version":"1.2.3"}\n')
  await writeFile(join(runDir, 'config.json'), '{"train":{"epochs":40}}\n')
  await writeFile(join(runDir, 'model', 'model.onnx'), randomBytes(200 * 1024))
  await writeFile(join(runDir, 'model', 'preprocessor.json'), '{"format":"sagepack.preprocessor/v1"}\n')
  return { modelDir, runDir }
}

describe('bundleModel', () => {
  it('takes the weights digests it is given (the release check just took them) instead of hashing again', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'bundle-model-'))
    const { modelDir, runDir } = await modelAndRun(scratch)
    const files = await Promise.all(
      ['model.onnx', 'preprocessor.json'].map(async (path) => ({
        path,
        ...(await fileDigest(join(runDir, 'model', path))),
      })),
    )
    const bundle = (name: string, digests: typeof files) =>
      bundleModel({
        workspaceRoot,
        folder: { name: 'demo', dir: modelDir, inferenceEntry: join(modelDir, 'inference', 'index.ts') },
        runId: '20261123-164512-3fa2',
        runDir,
        outFile: join(scratch, name),
        artifactDigests: new Map(digests.map((file) => [file.path, file])),
      })
    const built = await bundle('given.tar.gz', files)
    const onnx = files.find((file) => file.path === 'model.onnx')
    expect(built.manifest.version).toBe('1.2.3')
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

  it("declares the runtime image's onnxruntime-node, and will not bundle when the image pins another", async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'bundle-model-'))
    const { modelDir, runDir } = await modelAndRun(scratch)
    const bundle = (root: string, name: string) =>
      bundleModel({
        workspaceRoot: root,
        folder: { name: 'demo', dir: modelDir, inferenceEntry: join(modelDir, 'inference', 'index.ts') },
        runId: '20261123-164512-3fa2',
        runDir,
        outFile: join(scratch, name),
      })
    const pinned = readPackageList(workspaceRoot, CPU).dependencies['onnxruntime-node']
    const built = await bundle(workspaceRoot, 'pinned.tar.gz')
    expect(built.manifest.runtime.dependencies).toEqual({ 'onnxruntime-node': pinned })

    // The image's list says one version, the workspace installs (and tests) another: no bundle.
    const drifted = workspaceWith((file, list) => {
      if (file === CPU) list.dependencies['onnxruntime-node'] = OTHER
    })
    await expect(bundle(drifted, 'drifted.tar.gz')).rejects.toThrow(
      `onnxruntime-node ${OTHER} is not the ${pinned} this workspace installs`,
    )
    expect(existsSync(join(scratch, 'drifted.tar.gz'))).toBe(false)
  }, 60_000)

  it('writes the same bytes from a copy of the run whose files are executable and newer', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'bundle-model-'))
    const { modelDir, runDir } = await modelAndRun(scratch)
    // The same run as a file system without modes (vfat, CIFS, a WSL /mnt drive) shows it: every file
    // rwxr-xr-x, with times of its own.
    const copied = join(scratch, 'mounted', 'runs', 'demo', '20261123-164512-3fa2')
    await cp(runDir, copied, { recursive: true })
    for (const file of ['config.json', 'model/model.onnx', 'model/preprocessor.json']) {
      await chmod(join(copied, file), 0o755)
      await utimes(join(copied, file), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'))
    }
    const bundle = (run: string, name: string) =>
      bundleModel({
        workspaceRoot,
        folder: { name: 'demo', dir: modelDir, inferenceEntry: join(modelDir, 'inference', 'index.ts') },
        runId: '20261123-164512-3fa2',
        runDir: run,
        outFile: join(scratch, name),
      })
    const [first, second] = [await bundle(runDir, 'first.tar.gz'), await bundle(copied, 'second.tar.gz')]
    expect(second.sha256).toBe(first.sha256)
    expect(
      readFileSync(join(scratch, 'second.tar.gz')).equals(readFileSync(join(scratch, 'first.tar.gz'))),
    ).toBe(true)
    expect(new Set((await listArchive(second.path)).map((entry) => entry.mode))).toEqual(new Set([0o644]))
  }, 60_000)
})
