// What both stores do with a file before uploading it: check it is a file, know its size and digest,
// and read it through a stream that checks both and fails with the signal's reason when aborted.
import type { PassThrough } from 'node:stream'
import type { PutFileOptions } from './artifact-store'
import { checkedFileStream } from './checked-file-stream'
import { sha256OfFile, sizeOfFile } from './file-digest'

export interface UploadSource {
  size: number
  sha256: string
  /** The file's bytes; it errors when they differ from size and sha256, or when the signal aborts. */
  body: PassThrough
  /** Stops listening to the signal; call it when the upload is over, however it ended. */
  release(): void
}

/** A UserError when the file is missing or not a file; the signal's reason when already aborted. */
export async function openUploadSource(file: string, options: PutFileOptions): Promise<UploadSource> {
  const size = await sizeOfFile(file, 'a file to upload')
  const sha256 = options.sha256 ?? (await sha256OfFile(file))
  const { signal } = options
  signal?.throwIfAborted()
  const body = checkedFileStream(file, { sha256, size })
  const onAbort = () => body.destroy(abortErrorOf(signal))
  signal?.addEventListener('abort', onAbort, { once: true })
  return { size, sha256, body, release: () => signal?.removeEventListener('abort', onAbort) }
}

/** The error an aborted upload fails with: the signal's reason, as fetch and streams do. */
function abortErrorOf(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  if (reason instanceof Error) return reason
  return new DOMException('The upload was aborted', 'AbortError')
}
