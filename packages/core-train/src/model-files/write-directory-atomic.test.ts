import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeDirectoryAtomic } from './write-directory-atomic'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sagepack-atomic-dir-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('writeDirectoryAtomic', () => {
  it('keeps the old directory intact when a write fails half way', async () => {
    const dir = join(root, 'kept')
    await writeDirectoryAtomic(dir, { 'a.txt': 'old a', 'b.txt': 'old b' })
    // A non-string, non-buffer value makes the second file's write throw after the first was written.
    const failing = { 'a.txt': 'new a', 'b.txt': 42 as unknown as string }
    await expect(writeDirectoryAtomic(dir, failing)).rejects.toThrow()
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('old a')
    expect(await readdir(root)).toEqual(['kept'])
  })

  it('refuses names that are not plain file names', async () => {
    await expect(writeDirectoryAtomic(join(root, 'x'), { '../evil': 'x' })).rejects.toThrow(
      /not a plain file name/,
    )
    expect(await readdir(root)).not.toContain('x')
  })
})
