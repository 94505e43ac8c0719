// Atomic file writes: a reader sees the old file or the whole new one, never a half-written one.
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomicImpl from 'write-file-atomic'

export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomicImpl(path, data, { fsync: true })
}

/** JSON with two-space indent and a trailing newline, so files diff well and read well. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`)
}
