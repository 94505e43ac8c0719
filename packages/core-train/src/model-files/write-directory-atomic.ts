// Writes a whole directory so that readers see the old one or the complete new one, never a mix:
// files go into a temporary sibling, are flushed, and the sibling is renamed into place.
import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export type DirectoryFiles = Record<string, string | Uint8Array>

export async function writeDirectoryAtomic(dir: string, files: DirectoryFiles): Promise<void> {
  for (const name of Object.keys(files)) {
    // Only plain names: a file written outside the temporary directory would not be atomic.
    if (name !== basename(name) || name === '.' || name === '..') {
      throw new Error(`writeDirectoryAtomic: "${name}" is not a plain file name`)
    }
  }
  const parent = dirname(dir)
  await mkdir(parent, { recursive: true })
  const nonce = `${process.pid}-${randomBytes(4).toString('hex')}`
  const temp = join(parent, `.${basename(dir)}.tmp-${nonce}`)
  await mkdir(temp)
  try {
    for (const [name, data] of Object.entries(files)) await writeFlushed(join(temp, name), data)
    await flushDirectory(temp)
    await swapInto(temp, dir, join(parent, `.${basename(dir)}.old-${nonce}`))
    await flushDirectory(parent)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
}

/**
 * rename(2) cannot replace a non-empty directory, so an existing one is moved aside first. Between the
 * two renames the directory is briefly absent (a reader gets "not found", never a half-written model).
 */
async function swapInto(temp: string, dir: string, aside: string): Promise<void> {
  const existed = await exists(dir)
  if (existed) await rename(dir, aside)
  try {
    await rename(temp, dir)
  } catch (error) {
    if (existed) await rename(aside, dir)
    throw error
  }
  if (existed) await rm(aside, { recursive: true, force: true })
}

async function writeFlushed(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function flushDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}
