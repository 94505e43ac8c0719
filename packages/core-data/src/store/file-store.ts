// The file:// ArtifactStore: objects are files under one folder, each with its SHA-256 in a hidden
// `.<name>.sha256` beside it. Works offline; a shared network folder makes it a team store.
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { readFile, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { writeFileAtomic } from '../files/write-file-atomic'
import { listFolderFiles } from '../sources/list-folder'
import { type ArtifactStore, noSuchObject, type StoredObject } from './artifact-store'
import { recordedSha256 } from './file-digest'
import { checkFolderStoreKey, compareKeys } from './store-key'
import { openUploadSource } from './upload-source'
import { writeStreamAtomic } from './write-stream-atomic'

/** A store in the folder `dir` (an absolute path); the folder is created by the first put. */
export function fileArtifactStore(dir: string): ArtifactStore {
  const root = pathToFileURL(join(dir, '/')).href
  const pathOf = (key: string) => {
    checkFolderStoreKey(key, root)
    return join(dir, ...key.split('/'))
  }
  const digestFileOf = (path: string) => join(dirname(path), `.${basename(path)}.sha256`)
  const uri = (key: string) => root + key.split('/').map(encodeURIComponent).join('/')

  const head = async (key: string): Promise<StoredObject | undefined> => {
    const path = pathOf(key)
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
      throw error
    })
    if (!info?.isFile()) return undefined
    const recorded = await readFile(digestFileOf(path), 'utf8').catch(() => undefined)
    return { key, size: info.size, sha256: recordedSha256(recorded) }
  }

  return {
    root,
    uri,
    head,

    async putFile(key, file, options = {}) {
      const path = pathOf(key)
      const { size, sha256, body, release } = await openUploadSource(file, options)
      try {
        // The old digest goes first: a crash before the new one is written leaves an object with no
        // recorded digest (re-uploaded next time), never one whose digest belongs to other bytes.
        await rm(digestFileOf(path), { force: true })
        await writeStreamAtomic(body, path, {
          uri: uri(key),
          expectedSha256: sha256,
          size,
          onProgress: options.onProgress,
        })
      } finally {
        release()
      }
      await writeFileAtomic(digestFileOf(path), `${sha256}\n`)
      return { key, size, sha256 }
    },

    async getFile(key, file, options = {}) {
      const object = await head(key)
      if (!object) throw noSuchObject(uri(key))
      const written = await writeStreamAtomic(await openFile(pathOf(key), uri(key)), file, {
        uri: uri(key),
        expectedSha256: object.sha256,
        size: object.size,
        onProgress: options.onProgress,
      })
      return { key, ...written }
    },

    openRead: async (key) => openFile(pathOf(key), uri(key)),

    async list(prefix) {
      // Only the folder the prefix points into is walked; the rest of the prefix filters names.
      const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1)
      if (folder !== '') checkFolderStoreKey(folder.slice(0, -1), root)
      const files = await listFolderFiles(join(dir, folder)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return []
        throw error
      })
      return files
        .map((found) => ({ key: folder + found.key, size: found.size }))
        .filter((object) => object.key.startsWith(prefix))
        .sort((a, b) => compareKeys(a.key, b.key))
    },
  }
}

async function openFile(path: string, uri: string): Promise<NodeJS.ReadableStream> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 })
  try {
    // Wait for the open so a missing object fails here, as a UserError, not later in a pipe.
    await once(stream, 'open')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw noSuchObject(uri, error)
    throw error
  }
  return stream
}
