import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { machineMemoryBytes } from './machine-memory'

const GiB = 2 ** 30
let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sagepack-cgroup-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

async function cgroup(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name)
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(dir, file, '..'), { recursive: true })
    await writeFile(join(dir, file), text)
  }
  await mkdir(dir, { recursive: true })
  return dir
}

describe('machineMemoryBytes', () => {
  it("takes a cgroup v2 limit below the machine's memory", async () => {
    expect(machineMemoryBytes(await cgroup('v2', { 'memory.max': `${2 * GiB}\n` }), 16 * GiB)).toBe(2 * GiB)
  })

  it("takes a cgroup v1 limit, and the machine's memory when the limit is higher", async () => {
    const dir = await cgroup('v1', { 'memory/memory.limit_in_bytes': `${4 * GiB}\n` })
    expect(machineMemoryBytes(dir, 16 * GiB)).toBe(4 * GiB)
    expect(machineMemoryBytes(dir, 3 * GiB)).toBe(3 * GiB)
  })

  it("takes the machine's memory when there is no limit (`max`, v1's huge number) or no cgroup", async () => {
    expect(machineMemoryBytes(await cgroup('unlimited', { 'memory.max': 'max\n' }), 16 * GiB)).toBe(16 * GiB)
    const v1 = await cgroup('v1-unlimited', { 'memory/memory.limit_in_bytes': '9223372036854771712\n' })
    expect(machineMemoryBytes(v1, 16 * GiB)).toBe(16 * GiB)
    expect(machineMemoryBytes(join(root, 'none'), 16 * GiB)).toBe(16 * GiB)
  })
})
