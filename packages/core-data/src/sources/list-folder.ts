// Lists the data files under a local folder the way an S3 prefix lists its keys: every depth,
// sorted by relative path, hidden entries (names starting with '.') left out.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

export interface FolderFile {
  /** Absolute path of the file. */
  path: string
  /** Path relative to the listed folder with '/' separators; the sort key. */
  key: string
  size: number
}

export async function listFolderFiles(folder: string): Promise<FolderFile[]> {
  const files: FolderFile[] = []
  // Symlinked folders are followed, so remember folders by device+inode to stop on a link loop.
  const seen = new Set<string>()
  await walk(folder, '', files, seen)
  // Code-unit order, not locale order: the same order on every machine, close to S3's key order.
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

async function walk(dir: string, prefix: string, files: FolderFile[], seen: Set<string>): Promise<void> {
  const dirInfo = await stat(dir)
  const id = `${dirInfo.dev}:${dirInfo.ino}`
  if (seen.has(id)) return
  seen.add(id)
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.'))
  await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name)
      const key = prefix + name
      const info = await stat(path)
      if (info.isDirectory()) await walk(path, `${key}/`, files, seen)
      else if (info.isFile()) files.push({ path, key, size: info.size })
    }),
  )
}
