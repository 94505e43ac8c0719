// Picks the codec for a request's Content-Type and for its Accept header: the one place formats are listed.
import type { Codec } from './codec'
import { csvCodec } from './csv-codec'
import { jsonCodec } from './json-codec'
import { jsonLinesCodec } from './jsonlines-codec'
import { mediaTypeOf } from './media-type'
import { negotiateAccept } from './negotiate-accept'

/** JSON first: it is the answer to a missing Accept header and to `*` wildcards. */
const CODECS: readonly Codec[] = [jsonCodec, csvCodec, jsonLinesCodec]

const byMediaType = new Map<string, Codec>(
  CODECS.flatMap((codec) => codec.mediaTypes.map((type) => [type, codec])),
)

/** Every media type the runtime reads and writes, default first. */
export const SUPPORTED_MEDIA_TYPES: readonly string[] = [...byMediaType.keys()]

export function codecForContentType(header: string): Codec | undefined {
  // Most requests carry exactly `application/json` or `text/csv`: skip the normalising on them.
  return byMediaType.get(header) ?? byMediaType.get(mediaTypeOf(header))
}

export interface ResponseFormat {
  codec: Codec
  /** The type named in the response: the one the client asked for, so `application/x-ndjson` gets that back. */
  mediaType: string
}

export function responseFormatFor(accept: string | undefined): ResponseFormat | undefined {
  const mediaType = negotiateAccept(accept, SUPPORTED_MEDIA_TYPES)
  const codec = mediaType === undefined ? undefined : byMediaType.get(mediaType)
  return codec === undefined || mediaType === undefined ? undefined : { codec, mediaType }
}
