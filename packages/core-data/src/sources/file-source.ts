// The local-disk DataSource: a path or file:// URI naming one file or a folder of files.
import { once } from 'node:events'
import { createReadStream, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { UserError } from '../errors/user-error'
import type { DataObject, DataSource } from './data-source'
import { listFolderFiles } from './list-folder'
import { localPathOf } from './uri-scheme'

export interface FileDataSourceOptions {
  /** Folder that relative paths are resolved against; defaults to the working directory. */
  baseDir?: string
}

const EXPECTED = 'a CSV or JSONL file, or a folder of them'

/** A DataSource for a local path (relative to `baseDir`) or a `file:///absolute/path` URI. */
export function fileDataSource(location: string, options: FileDataSourceOptions = {}): DataSource {
  const path = localPathOf(location, options.baseDir)
  const hint =
    location === path
      ? 'check the path'
      : `check the path; ${JSON.stringify(location)} was resolved to ${path}`
  return {
    uri: location,
    async list() {
      const info = await statOrExplain(path, location, hint)
      if (info.isFile()) return [fileObject(path, info.size, hint)]
      if (info.isDirectory()) {
        const files = await listFolderFiles(path)
        return files.map((file) => fileObject(file.path, file.size, hint))
      }
      throw new UserError({ input: location, problem: 'is neither a file nor a folder', expected: EXPECTED })
    },
  }
}

function fileObject(path: string, size: number, hint: string): DataObject {
  return {
    name: path,
    size,
    async open(): Promise<Readable> {
      const stream = createReadStream(path)
      try {
        // Wait for the file to open so a file removed since list() fails here as a UserError.
        await once(stream, 'open')
      } catch (error) {
        throw explainFsError(error, path, hint)
      }
      return stream
    },
  }
}

async function statOrExplain(path: string, location: string, hint: string): Promise<Stats> {
  try {
    return await stat(path)
  } catch (error) {
    throw explainFsError(error, location, hint)
  }
}

function explainFsError(error: unknown, input: string, hint: string): unknown {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new UserError(
      { input, problem: 'no such file or folder', expected: EXPECTED, fix: hint },
      { cause: error },
    )
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserError(
      { input, problem: 'cannot be read (permission denied)', fix: 'give the current user read permission' },
      { cause: error },
    )
  }
  return error
}
