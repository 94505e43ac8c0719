// How many bytes of request bodies the server may hold at once, all requests together:
// SAGEPACK_MAX_BUFFERED_MB, else a share of the memory this process may use.
import { totalmem } from 'node:os'
import { UserError } from '@sagepack/core-data'
import { MB } from './payload-limit'

export const MAX_BUFFERED_ENV = 'SAGEPACK_MAX_BUFFERED_MB'

/**
 * The default is a sixteenth of the memory the process may use (the container's limit where one is
 * set, else the machine's), between 64 MB and 1 GB: room for dozens of 6 MB bodies at once, while
 * the model, its workers and the decoded rows (several times the body) keep the rest. Never below one
 * payload, or the largest request allowed could never be read.
 */
export function maxBufferedBytesFrom(
  env: Readonly<Record<string, string | undefined>>,
  maxPayloadBytes: number,
  memoryBytes: number = processMemory(),
): number {
  const raw = env[MAX_BUFFERED_ENV]?.trim()
  if (raw === undefined || raw === '') {
    return Math.max(maxPayloadBytes, Math.min(1024 * MB, Math.max(64 * MB, Math.floor(memoryBytes / 16))))
  }
  const mb = Number(raw)
  const bytes = Math.floor(mb * MB)
  if (!Number.isFinite(mb) || bytes < maxPayloadBytes) {
    throw new UserError({
      input: `${MAX_BUFFERED_ENV}=${raw}`,
      problem: Number.isFinite(mb)
        ? `is below the payload limit of ${maxPayloadBytes / MB} MB, so the largest request allowed could never be read`
        : 'is not a number of megabytes',
      expected: `a number of megabytes of at least the payload limit (${maxPayloadBytes / MB} MB, SAGEMAKER_MAX_PAYLOAD_IN_MB)`,
      fix: `set ${MAX_BUFFERED_ENV} higher, or unset it for a sixteenth of the memory`,
    })
  }
  return bytes
}

/** The container's memory limit when the process has one (cgroups), else the machine's memory. */
function processMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0
  const total = totalmem()
  // Node reports "no limit" as 0 or as a huge number, depending on the platform.
  return limit > 0 && limit < total ? limit : total
}
