// Writes one chunk of the tar stream as one complete gzip member. Concatenated members form one valid
// gzip stream (RFC 1952, section 2.2) that gzip, GNU tar, Python and node-tar read as a whole, so chunks
// can be compressed independently and in parallel.
import { constants, crc32, gzipSync } from 'node:zlib'
import { encodeHuffman, type HuffmanPlan, huffmanStart, planHuffman } from './huffman-deflate'

/** store: no compression; huffman: entropy coding only; deflate: gzip's default level 6 (zlib). */
export type CompressionMethod = 'store' | 'huffman' | 'deflate'

/** Byte 9 of a gzip header names the OS that wrote it; 255 ("unknown") makes it the same everywhere. */
const OS_UNKNOWN = 255
/** ID1 ID2, CM deflate, no flags, MTIME 0, XFL 0, OS unknown: the same in every member. */
const GZIP_HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, OS_UNKNOWN] as const
const GZIP_TRAILER_BYTES = 8
/** A stored deflate block holds at most 65535 bytes (RFC 1951, 3.2.4). */
const MAX_STORED_BLOCK = 0xffff

/** Where in an output buffer gzipMemberInto wrote a member. */
export interface MemberSpanInBuffer {
  start: number
  length: number
}

/**
 * Room for a member of `bytes` bytes compressed by gzipMemberInto: the methods that write there are
 * only chosen when they shrink the chunk, plus header, trailer and a byte of alignment.
 */
export function memberRoom(bytes: number): number {
  return bytes + (bytes >> 6) + 1024
}

/** The member as buffers to write in order; allocates its output (see gzipMemberInto to reuse one). */
export function gzipMember(data: Uint8Array, method: CompressionMethod): Uint8Array[] {
  if (method === 'store') return storedGzipMember(data)
  const out = new Uint8Array(memberRoom(data.byteLength))
  const { start, length } = gzipMemberInto(data, method, out)
  return [out.subarray(start, start + length)]
}

/**
 * Writes the member into `out` (memberRoom bytes at least) and says where. Huffman members are the
 * bundle's own encoder's, started at byte 0 or 1 so its fast path can write 16 bits at a time; deflate
 * members are zlib's level 6, with the header made the same as every other member's (zlib writes XFL by
 * level).
 */
export function gzipMemberInto(
  data: Uint8Array,
  method: 'huffman' | 'deflate',
  out: Uint8Array,
  plan?: HuffmanPlan,
): MemberSpanInBuffer {
  if (method === 'deflate') {
    const member = gzipSync(data, { level: 6, strategy: constants.Z_DEFAULT_STRATEGY })
    out.set(member)
    out.set(GZIP_HEADER, 0)
    return { start: 0, length: member.byteLength }
  }
  const huffman = plan ?? planHuffman(data)
  const start = huffmanStart(huffman, (out.byteOffset + GZIP_HEADER.length) % 2)
  out.set(GZIP_HEADER, start)
  const end = encodeHuffman(data, huffman, out, start + GZIP_HEADER.length)
  writeTrailer(data, out, end)
  return { start, length: end + GZIP_TRAILER_BYTES - start }
}

/** A gzip member whose deflate stream is stored blocks: header, blocks over slices of `data`, trailer. */
export function storedGzipMember(data: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [Buffer.from(GZIP_HEADER)]
  const blocks = Math.max(1, Math.ceil(data.byteLength / MAX_STORED_BLOCK))
  const blockHeaders = Buffer.alloc(blocks * 5)
  for (let block = 0; block < blocks; block++) {
    const offset = block * MAX_STORED_BLOCK
    const length = Math.min(MAX_STORED_BLOCK, data.byteLength - offset)
    const header = blockHeaders.subarray(block * 5, block * 5 + 5)
    // BFINAL (last block) and BTYPE 00 in the first byte, then LEN and its one's complement NLEN.
    header[0] = block === blocks - 1 ? 1 : 0
    header.writeUInt16LE(length, 1)
    header.writeUInt16LE(~length & 0xffff, 3)
    parts.push(header, data.subarray(offset, offset + length))
  }
  const trailer = new Uint8Array(GZIP_TRAILER_BYTES)
  writeTrailer(data, trailer, 0)
  parts.push(trailer)
  return parts
}

/** CRC-32 and size (mod 2^32) of the uncompressed data, little-endian (RFC 1952, 2.3.1). */
function writeTrailer(data: Uint8Array, out: Uint8Array, at: number): void {
  const view = new DataView(out.buffer, out.byteOffset + at, GZIP_TRAILER_BYTES)
  view.setUint32(0, crc32(data), true)
  view.setUint32(4, data.byteLength % 2 ** 32, true)
}
