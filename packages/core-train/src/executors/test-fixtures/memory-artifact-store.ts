// An ArtifactStore held in memory, for tests of code that only moves files through the store
// (SageMaker jobs): the S3 adapter itself is tested against a real S3-compatible server.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { type ArtifactStore, type StoredObject, writeFileAtomic } from '@sagepack/core-data'

export interface MemoryArtifactStore extends ArtifactStore {
  objects: Map<string, { bytes: Buffer; sha256: string; contentType?: string }>
  /** Puts bytes directly, as SageMaker does when it writes a job's outputs. */
  putBytes(key: string, bytes: Buffer): void
}

export function memoryArtifactStore(root = 's3://bucket/prefix/'): MemoryArtifactStore {
  const objects: MemoryArtifactStore['objects'] = new Map()
  const stored = (key: string): StoredObject | undefined => {
    const object = objects.get(key)
    return object ? { key, size: object.bytes.length, sha256: object.sha256 } : undefined
  }
  const required = (key: string) => {
    const object = objects.get(key)
    if (!object) throw new Error(`no object ${root}${key}`)
    return object
  }
  const putBytes = (key: string, bytes: Buffer, contentType?: string) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    objects.set(key, { bytes, sha256, ...(contentType ? { contentType } : {}) })
  }
  return {
    root,
    objects,
    putBytes: (key, bytes) => putBytes(key, bytes),
    uri: (key) => root + key,
    head: async (key) => stored(key),
    putFile: async (key, file, options) => {
      putBytes(key, await readFile(file), options?.contentType)
      return stored(key) as StoredObject
    },
    getFile: async (key, file) => {
      await writeFileAtomic(file, required(key).bytes)
      return stored(key) as StoredObject
    },
    openRead: async (key) => Readable.from([required(key).bytes]),
    list: async (prefix) =>
      [...objects.keys()]
        .filter((key) => key.startsWith(prefix))
        .sort()
        .map((key) => stored(key) as StoredObject),
  }
}
