import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { chmod, cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { extractArchive } from '../archive/extract-archive'
import { listArchive } from '../archive/read-archive'
import { fileDigest } from '../manifest/manifest'
import {
  extractWith,
  gnuTarListing,
  pythonMembers,
  type Reader,
  treeDigests,
} from '../testing/archive-readers'
import { bundleModel } from './bundle-model'
import { openBundle } from './open-bundle'
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

describe('a model whose weights are ONNX external data', () => {
  it('carries model.onnx.data, listed in the manifest, verified, extracted, and read by GNU tar and tarfile', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'bundle-external-'))
    const { modelDir, runDir } = await modelAndRun(scratch)
    // Bigger than one tar block run and not a multiple of 512, as a real data file is.
    const data = randomBytes(3 * 1024 * 1024 + 123)
    await writeFile(join(runDir, 'model', 'model.onnx.data'), data)
    const built = await bundleModel({
      workspaceRoot,
      folder: { name: 'demo', dir: modelDir, inferenceEntry: join(modelDir, 'inference', 'index.ts') },
      runId: '20261123-164512-3fa2',
      runDir,
      outFile: join(scratch, 'model.tar.gz'),
    })
    expect(built.manifest.modelFormat).toBe('onnx')
    const listed = {
      path: 'model.onnx.data',
      ...(await fileDigest(join(runDir, 'model', 'model.onnx.data'))),
    }
    expect(listed.size).toBe(data.length)
    expect(built.manifest.files).toContainEqual(listed)

    const opened = await openBundle(built.path)
    try {
      expect(readFileSync(join(opened.modelDir, 'model.onnx.data')).equals(data)).toBe(true)
      const expected = treeDigests(opened.modelDir)
      for (const reader of ['gnu-tar', 'python'] satisfies Reader[]) {
        const dir = join(scratch, reader)
        await extractWith(reader, built.path, dir)
        expect(treeDigests(dir)).toEqual(expected)
      }
    } finally {
      await opened.close()
    }
    expect(gnuTarListing(built.path)).toMatch(
      new RegExp(`-rw-r--r-- 0/0 +${data.length} .* model\\.onnx\\.data\n`),
    )
    expect(pythonMembers(built.path).find((m) => m.name === 'model.onnx.data')).toMatchObject({
      size: data.length,
      mode: 0o644,
      type: '0',
    })
  }, 60_000)

  it('leaves model.onnx.data out of a tfjs bundle, which does not load it', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'bundle-external-'))
    const { modelDir, runDir } = await modelAndRun(scratch)
    const model = join(runDir, 'model')
    await writeFile(join(model, 'model.onnx.data'), randomBytes(1000))
    await writeFile(join(model, 'model.json'), '{"format":"layers-model","weightsManifest":[]}\n')
    await writeFile(join(model, 'weights.bin'), randomBytes(64))
    await rm(join(model, 'model.onnx'))
    const built = await bundleModel({
      workspaceRoot,
      folder: { name: 'demo', dir: modelDir, inferenceEntry: join(modelDir, 'inference', 'index.ts') },
      runId: '20261123-164512-3fa2',
      runDir,
      outFile: join(scratch, 'model.tar.gz'),
    })
    expect(built.manifest.modelFormat).toBe('tfjs')
    expect(built.manifest.files.map((f) => f.path)).not.toContain('model.onnx.data')
    expect(built.manifest.files.map((f) => f.path)).toContain('weights.bin')
  }, 60_000)
})

describe('the example request', () => {
  const bundleWith = async (example: string | undefined) => {
    const scratch = await mkdtemp(join(tmpdir(), 'bundle-example-'))
    const { modelDir, runDir } = await modelAndRun(scratch)
    const inferenceEntry = join(modelDir, 'inference', 'index.ts')
    if (example !== undefined) {
      await mkdir(join(modelDir, 'inference'))
      await writeFile(join(modelDir, 'inference', 'example.json'), example)
    }
    const outFile = join(scratch, 'model.tar.gz')
    const built = await bundleModel({
      workspaceRoot,
      folder: { name: 'demo', dir: modelDir, inferenceEntry },
      runId: '20261123-164512-3fa2',
      runDir,
      outFile,
    })
    return { built, outFile, scratch, examplePath: join(modelDir, 'inference', 'example.json') }
  }

  it('travels as example.json, byte for byte, with its digest in the manifest', async () => {
    const example = '{ "instances": [[1, 2]] }\n'
    const { built, outFile, scratch } = await bundleWith(example)
    expect(built.manifest.files.find((file) => file.path === 'example.json')?.size).toBe(example.length)
    await extractArchive(outFile, join(scratch, 'extracted'))
    expect(await readFile(join(scratch, 'extracted', 'example.json'), 'utf8')).toBe(example)
  }, 60_000)

  it('is left out when the model has none', async () => {
    const { built } = await bundleWith(undefined)
    expect(built.manifest.files.map((file) => file.path)).not.toContain('example.json')
  }, 60_000)

  it('fails the bundle, naming the file, when it is not JSON or holds no rows', async () => {
    await expect(bundleWith('{"instances": [1, 2')).rejects.toThrow(/example\.json: is not valid JSON/)
    await expect(bundleWith('{"instances": []}')).rejects.toThrow(/example\.json: holds no rows/)
  }, 60_000)
})
