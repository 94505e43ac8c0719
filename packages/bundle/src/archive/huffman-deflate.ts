// The bundle's own entropy-only deflate encoder: one dynamic-Huffman block of literals (RFC 1951, 3.2.7)
// per chunk. Float32 weights barely shrink under LZ77, so coding their bytes is all gzip -6 gains on them;
// zlib's Z_HUFFMAN_ONLY does the same through its general machinery (a new tree every 32 KiB, symbols
// buffered and walked twice). A table of two bytes' codes joined, written 16 bits at a time, runs about
// 1.6 times as fast here, for a stream 0.02% larger on float32 weights.
import { canonicalCodes, huffmanCodeLengths } from './huffman-code'

const END_OF_BLOCK = 256
/** Literal/length codes may be 15 bits long, code length codes 7 (RFC 1951, 3.2.7). */
const MAX_CODE_BITS = 15
const MAX_CODE_LENGTH_BITS = 7
/** The order in which the code length code's own lengths are sent (RFC 1951, 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] as const
/** Symbols 0-255 and end-of-block, then the one distance code, of length 0: no distances are used. */
const CODE_LENGTHS_SENT = 257 + 1

/** What coding a chunk takes, known before a bit of it is written. */
export interface HuffmanPlan {
  /** Bytes of the raw deflate stream encodeHuffman writes. */
  deflatedBytes: number
  /** Bits of the block header (codes included), before the first literal. */
  headerBits: number
  lengths: Uint8Array
  codes: Uint16Array
  codeLengthLengths: Uint8Array
  codeLengthCodes: Uint16Array
  /** Code length codes sent: the order's tail of unused ones is left out (at least 4 are sent). */
  codeLengthCount: number
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** Counts the chunk's bytes and builds its code; the exact deflate size tells whether coding pays. */
export function planHuffman(data: Uint8Array): HuffmanPlan {
  const frequencies = byteFrequencies(data)
  frequencies[END_OF_BLOCK] = 1
  const lengths = huffmanCodeLengths(frequencies, MAX_CODE_BITS)
  const codes = canonicalCodes(lengths, MAX_CODE_BITS)

  // The distance code's 0 and end-of-block's length make two code lengths at least: the code length
  // code is complete, as zlib requires.
  const sent = [...lengths, 0]
  const lengthFrequencies = new Uint32Array(19)
  for (const length of sent) lengthFrequencies[length] = (lengthFrequencies[length] as number) + 1
  const codeLengthLengths = huffmanCodeLengths(lengthFrequencies, MAX_CODE_LENGTH_BITS)
  const codeLengthCodes = canonicalCodes(codeLengthLengths, MAX_CODE_LENGTH_BITS)
  let codeLengthCount = 19
  while (codeLengthCount > 4 && codeLengthLengths[CODE_LENGTH_ORDER[codeLengthCount - 1] as number] === 0) {
    codeLengthCount--
  }

  let headerBits = 3 + 5 + 5 + 4 + 3 * codeLengthCount
  for (const length of sent) headerBits += codeLengthLengths[length] as number
  let bits = headerBits
  for (let symbol = 0; symbol <= END_OF_BLOCK; symbol++) {
    bits += (frequencies[symbol] as number) * (lengths[symbol] as number)
  }
  return {
    deflatedBytes: Math.ceil(bits / 8),
    headerBits,
    lengths,
    codes,
    codeLengthLengths,
    codeLengthCodes,
    codeLengthCount,
  }
}

/**
 * How often each byte value occurs (index 256 left for end-of-block). Four tables, one per byte of a
 * 32-bit word, summed at the end: float bytes repeat, and one table would make each count wait for the
 * increment before it.
 */
function byteFrequencies(data: Uint8Array): Uint32Array {
  const counts = new Uint32Array(257)
  const words = data.byteOffset % 4 === 0 ? data.length >>> 2 : 0
  if (words > 0) {
    const tables = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)]
    countWords(
      new Uint32Array(data.buffer, data.byteOffset, words),
      ...(tables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array]),
    )
    for (let byte = 0; byte < 256; byte++) {
      for (const table of tables) counts[byte] = (counts[byte] as number) + (table[byte] as number)
    }
  }
  for (let i = words * 4; i < data.length; i++) {
    const byte = data[i] as number
    counts[byte] = (counts[byte] as number) + 1
  }
  return counts
}

function countWords(
  words: Uint32Array,
  a: Uint32Array,
  b: Uint32Array,
  c: Uint32Array,
  d: Uint32Array,
): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as number
    a[word & 0xff] = (a[word & 0xff] as number) + 1
    b[(word >>> 8) & 0xff] = (b[(word >>> 8) & 0xff] as number) + 1
    c[(word >>> 16) & 0xff] = (c[(word >>> 16) & 0xff] as number) + 1
    d[word >>> 24] = (d[word >>> 24] as number) + 1
  }
}

/**
 * Where in an output buffer a stream with this plan should start (0 or 1) so its literals begin on an
 * even byte: the fast path writes them 16 bits at a time. `prefix` bytes come before the stream.
 */
export function huffmanStart(plan: HuffmanPlan, prefix: number): number {
  return (prefix + (plan.headerBits >>> 3)) % 2
}

/** Writes `data` as one final deflate block at `out[offset]`; returns where it ends. */
export function encodeHuffman(data: Uint8Array, plan: HuffmanPlan, out: Uint8Array, offset: number): number {
  const bits = new BitWriter(out, offset)
  bits.put(1, 1) // BFINAL: the only block of the member.
  bits.put(2, 2) // BTYPE 10: dynamic Huffman codes.
  bits.put(0, 5) // HLIT: 257 literal/length codes (0-255 and end-of-block).
  bits.put(0, 5) // HDIST: 1 distance code.
  bits.put(plan.codeLengthCount - 4, 4)
  for (let i = 0; i < plan.codeLengthCount; i++) {
    bits.put(plan.codeLengthLengths[CODE_LENGTH_ORDER[i] as number] as number, 3)
  }
  for (let symbol = 0; symbol < CODE_LENGTHS_SENT; symbol++) {
    const length = symbol <= END_OF_BLOCK ? (plan.lengths[symbol] as number) : 0
    bits.put(plan.codeLengthCodes[length] as number, plan.codeLengthLengths[length] as number)
  }
  bits.literals(data, plan)
  bits.put(plan.codes[END_OF_BLOCK] as number, plan.lengths[END_OF_BLOCK] as number)
  return bits.flush()
}

/** Bits filled from the least significant end of each byte (RFC 1951, 3.1.1). */
class BitWriter {
  #out: Uint8Array
  #at: number
  #bits = 0
  #count = 0

  constructor(out: Uint8Array, offset: number) {
    this.#out = out
    this.#at = offset
  }

  put(value: number, count: number): void {
    this.#bits |= value << this.#count
    this.#count += count
    while (this.#count >= 8) {
      this.#out[this.#at++] = this.#bits & 0xff
      this.#bits >>>= 8
      this.#count -= 8
    }
  }

  /**
   * The data's bytes: on a little-endian machine with the output at an even byte and the data at a
   * word, four at a time, through a table of two bytes' codes joined, written 16 bits at a time;
   * otherwise (and for the last 0-3 bytes) one by one.
   */
  literals(data: Uint8Array, plan: HuffmanPlan): void {
    const single = new Uint32Array(256)
    for (let byte = 0; byte < 256; byte++) {
      single[byte] = (plan.codes[byte] as number) | ((plan.lengths[byte] as number) << 16)
    }
    let done = 0
    const fast = LITTLE_ENDIAN && data.byteOffset % 4 === 0 && (this.#out.byteOffset + this.#at) % 2 === 0
    if (fast && data.length >= 4) {
      const words = new Uint32Array(data.buffer, data.byteOffset, data.length >>> 2)
      const room = this.#out.byteLength - this.#at
      const halves = new Uint16Array(this.#out.buffer, this.#out.byteOffset + this.#at, room >>> 1)
      const state = encodeWords(words, pairTable(plan), single, halves, this.#bits, this.#count)
      this.#at += 2 * (state[0] as number)
      this.#bits = state[1] as number
      this.#count = state[2] as number
      done = words.length * 4
    }
    for (let i = done; i < data.length; i++) {
      const entry = single[data[i] as number] as number
      this.put(entry & 0xffff, entry >>> 16)
    }
  }

  /** Writes the last partial byte; returns where the stream ends. */
  flush(): number {
    if (this.#count > 0) this.#out[this.#at++] = this.#bits & 0xff
    this.#bits = 0
    this.#count = 0
    return this.#at
  }
}

/** One table per thread, refilled for each chunk: 256 KiB that would otherwise be garbage per chunk. */
const PAIRS = new Uint32Array(65536)

/**
 * For each 16-bit little-endian word, both bytes' codes joined (the first byte's in the low bits) and
 * their length above bit 16; 0 where the pair is longer than 16 bits and goes byte by byte.
 */
function pairTable(plan: HuffmanPlan): Uint32Array {
  const pairs = PAIRS
  pairs.fill(0)
  for (let first = 0; first < 256; first++) {
    const firstLength = plan.lengths[first] as number
    if (firstLength === 0) continue
    const firstCode = plan.codes[first] as number
    for (let second = 0; second < 256; second++) {
      const secondLength = plan.lengths[second] as number
      const length = firstLength + secondLength
      if (secondLength === 0 || length > 16) continue
      pairs[first | (second << 8)] =
        firstCode | ((plan.codes[second] as number) << firstLength) | (length << 16)
    }
  }
  return pairs
}

const wordState = [0, 0, 0]

/**
 * The hot loop, in plain locals and without a branch per code: fewer than 16 bits pending before each
 * pair, at most 16 added, then the low 16 always stored and kept only when complete (the half-filled
 * one is stored again once filled). Every shift stays below 32. A pair longer than 16 bits goes as two
 * codes. `pending` holds fewer than 16 bits. Returns [16-bit halves written, bits, count], reused.
 */
function encodeWords(
  words: Uint32Array,
  pairs: Uint32Array,
  single: Uint32Array,
  out: Uint16Array,
  pending: number,
  pendingCount: number,
): number[] {
  let at = 0
  let bits = pending
  let count = pendingCount
  let full = 0
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as number
    // Two pairs per word, written out twice rather than looped: this is where the time goes.
    let low = word & 0xffff
    let code = pairs[low] as number
    if (code === 0) {
      const first = single[low & 0xff] as number
      bits |= (first & 0xffff) << count
      count += first >>> 16
      out[at] = bits
      full = count >>> 4
      at += full
      bits >>>= full << 4
      count -= full << 4
      code = single[low >>> 8] as number
    }
    bits |= (code & 0xffff) << count
    count += code >>> 16
    out[at] = bits
    full = count >>> 4
    at += full
    bits >>>= full << 4
    count -= full << 4

    low = word >>> 16
    code = pairs[low] as number
    if (code === 0) {
      const first = single[low & 0xff] as number
      bits |= (first & 0xffff) << count
      count += first >>> 16
      out[at] = bits
      full = count >>> 4
      at += full
      bits >>>= full << 4
      count -= full << 4
      code = single[low >>> 8] as number
    }
    bits |= (code & 0xffff) << count
    count += code >>> 16
    out[at] = bits
    full = count >>> 4
    at += full
    bits >>>= full << 4
    count -= full << 4
  }
  wordState[0] = at
  wordState[1] = bits
  wordState[2] = count
  return wordState
}
