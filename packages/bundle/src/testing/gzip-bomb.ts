// Test support: a bundle whose weights are a gzip bomb (a 1 GiB file of zeros in about a megabyte of
// archive), with a manifest that lists its true size and digest, or lies about the size. Built in
// constant memory: one deflated megabyte of zeros is written again and again as its own gzip member
// (concatenated members are one gzip stream), so building a 1 GiB bomb takes milliseconds.

import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { END_OF_ARCHIVE, paddingAfter, tarFileHeader } from '../archive/tar-header'
import { serializeManifest } from '../manifest/manifest'
import { SAMPLE_MANIFEST_HEADER } from './sample-manifest-header'

const MiB = 1024 * 1024
const ZEROS = Buffer.alloc(MiB)

export interface GzipBomb {
  /** Bytes the bomb inflates to. */
  size: number
  /** The size the manifest lists for it: the true size, unless the manifest lies. */
  listedSize?: number
}

/** Writes the bomb bundle (config.json, manifest.json, model.onnx) to `path`; returns the archive's size. */
export async function writeGzipBomb(path: string, bomb: GzipBomb): Promise<number> {
  if (bomb.size % MiB !== 0) throw new Error('the bomb is a whole number of MiB')
  const config = Buffer.from('{}\n')
  // A lying manifest is refused on size alone, so its digest need not be taken.
  const zerosDigest = createHash('sha256')
  if (bomb.listedSize === undefined) for (let i = 0; i < bomb.size / MiB; i++) zerosDigest.update(ZEROS)
  const manifest = Buffer.from(
    serializeManifest({
      ...SAMPLE_MANIFEST_HEADER,
      name: 'bomb',
      files: [
        {
          path: 'config.json',
          sha256: createHash('sha256').update(config).digest('hex'),
          size: config.length,
        },
        { path: 'model.onnx', sha256: zerosDigest.digest('hex'), size: bomb.listedSize ?? bomb.size },
      ],
    }),
  )
  const head = Buffer.concat([
    tarFileHeader({ path: 'config.json', size: config.length, mode: 0o644 }),
    config,
    Buffer.alloc(paddingAfter(config.length)),
    tarFileHeader({ path: 'manifest.json', size: manifest.length, mode: 0o644 }),
    manifest,
    Buffer.alloc(paddingAfter(manifest.length)),
    tarFileHeader({ path: 'model.onnx', size: bomb.size, mode: 0o644 }),
  ])
  const zerosMember = gzipSync(ZEROS, { level: 9 })
  const file = await open(path, 'w')
  try {
    await file.write(gzipSync(head))
    for (let i = 0; i < bomb.size / MiB; i++) await file.write(zerosMember)
    // The data is a whole number of blocks, so no padding: the end-of-archive blocks follow.
    await file.write(gzipSync(END_OF_ARCHIVE))
    return (await file.stat()).size
  } finally {
    await file.close()
  }
}
