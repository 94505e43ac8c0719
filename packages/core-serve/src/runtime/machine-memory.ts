// How much memory this process may use: the machine's, or the container's cgroup limit when lower
// (SageMaker and `docker run -m` set one; os.totalmem() reports the host's memory regardless).
import { readFileSync } from 'node:fs'
import { totalmem } from 'node:os'
import { join } from 'node:path'

/** cgroup v2's limit file, then cgroup v1's. */
const LIMIT_FILES = ['memory.max', 'memory/memory.limit_in_bytes']

export function machineMemoryBytes(cgroupRoot = '/sys/fs/cgroup', total: number = totalmem()): number {
  let memory = total
  for (const file of LIMIT_FILES) {
    const limit = readLimit(join(cgroupRoot, file))
    if (limit !== undefined) memory = Math.min(memory, limit)
  }
  return memory
}

/** The limit in bytes; undefined when there is no such file or no limit (`max`, or v1's huge number). */
function readLimit(path: string): number | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8').trim()
  } catch {
    return undefined
  }
  const bytes = Number(text)
  return /^[0-9]+$/.test(text) && Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined
}
