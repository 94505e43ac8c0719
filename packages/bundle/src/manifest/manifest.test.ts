import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isUserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { sha256Of, tempDir } from '../testing/archive-readers'
import { type BundleManifest, MANIFEST_FORMAT } from './bundle-manifest'
import { buildManifest, fileDigest, serializeManifest } from './manifest'

const BASE: Omit<BundleManifest, 'files'> = {
  format: MANIFEST_FORMAT,
  name: 'iris',
  version: '1.2.0',
  git: { commit: 'abc123', dirty: false },
  runId: '20261123-164512-3fa2',
  runtime: {
    name: 'sagepack-runtime',
    node: '>=20.19',
    dependencies: { zod: '3', 'onnxruntime-node': '1.30.0' },
  },
  entry: 'code/inference.mjs',
  modelFormat: 'onnx',
}

describe('fileDigest', () => {
  it('hashes a file in pieces to the same digest as hashing it whole', async () => {
    const dir = tempDir()
    const bytes = randomBytes(3 * 1024 * 1024 + 17)
    writeFileSync(join(dir, 'w.bin'), bytes)
    expect(await fileDigest(join(dir, 'w.bin'))).toEqual({ sha256: sha256Of(bytes), size: bytes.length })
  })

  it('hashes an empty file', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'empty.bin'), '')
    expect(await fileDigest(join(dir, 'empty.bin'))).toEqual({ sha256: sha256Of(Buffer.alloc(0)), size: 0 })
  })
})

describe('buildManifest / serializeManifest', () => {
  const files = [
    { archivePath: 'model.onnx', sha256: 'b'.repeat(64), size: 2 },
    { archivePath: 'code/inference.mjs', sha256: 'a'.repeat(64), size: 1 },
  ]

  it('sorts files by path', () => {
    expect(buildManifest(BASE, files).files.map((file) => file.path)).toEqual([
      'code/inference.mjs',
      'model.onnx',
    ])
  })

  it('serializes the same manifest to the same bytes whatever order its keys were built in', () => {
    const manifest = buildManifest(BASE, files)
    const shuffled = JSON.parse(JSON.stringify(manifest), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as BundleManifest
    const text = serializeManifest(manifest).toString('utf8')
    expect(serializeManifest(shuffled).toString('utf8')).toBe(text)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe(`  "format": "${MANIFEST_FORMAT}",`)
    expect(Object.keys(JSON.parse(text).runtime.dependencies)).toEqual(['onnxruntime-node', 'zod'])
  })

  it('refuses a model file named manifest.json and a path listed twice', () => {
    expect(() => buildManifest(BASE, [{ archivePath: 'manifest.json', sha256: 'c', size: 1 }])).toThrow(
      /manifest\.json: a file of the model is named like the manifest/,
    )
    expect(() => buildManifest(BASE, [...files, ...files])).toThrow(/listed twice/)
  })

  it('tells the user what to do about two files under one path', () => {
    const file = { archivePath: 'model.onnx', sha256: 'a', size: 1 }
    let thrown: unknown
    try {
      buildManifest(BASE, [file, file])
    } catch (error) {
      thrown = error
    }
    expect(isUserError(thrown)).toBe(true)
    expect((thrown as Error).message).toBe(
      'model.onnx: two files would be stored under this path in the bundle (the path is listed twice)\n' +
        '  fix: rename one of them, or leave one out with .bundleignore',
    )
  })
})
