// Compresses a chunk the way that pays for its content, judged by entropy-coding it first. Float32
// weights barely shrink under LZ77 (no repeated strings) but their exponent bytes are skewed, so
// Huffman coding alone takes them to ~92% of their size, as small as gzip -6 does, at several times
// its speed; that pass is also the trial, so weights (nearly all of a large bundle) are compressed once.
// Bytes Huffman coding cannot shrink (random, already compressed) are stored at memory speed; bytes it
// shrinks a lot (text, JSON, zeros) are worth LZ77 as well and are deflated at gzip's level 6.
import { type CompressionMethod, gzipMember, storedGzipMember } from './gzip-member'

export interface CompressedChunk {
  method: CompressionMethod
  /** The gzip member, as buffers to write in order. */
  member: Uint8Array[]
}

/**
 * Huffman-only ratios (member over chunk) measured here: random bytes 1.00, normal-like float32 weights
 * 0.925, uniform [0,1) floats 0.90, source code and JSON below 0.7.
 */
const STORE_AT_RATIO = 0.985
const HUFFMAN_AT_RATIO = 0.85

export async function compressChunk(chunk: Uint8Array): Promise<CompressedChunk> {
  if (chunk.byteLength === 0) return { method: 'deflate', member: await gzipMember(chunk, 'deflate') }
  const huffman = await gzipMember(chunk, 'huffman')
  const ratio = huffman.reduce((sum, part) => sum + part.byteLength, 0) / chunk.byteLength
  if (ratio >= STORE_AT_RATIO) return { method: 'store', member: storedGzipMember(chunk) }
  if (ratio < HUFFMAN_AT_RATIO) return { method: 'deflate', member: await gzipMember(chunk, 'deflate') }
  return { method: 'huffman', member: huffman }
}
