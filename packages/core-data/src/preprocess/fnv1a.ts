// FNV-1a 32-bit over the UTF-8 bytes of a string: a fixed, well-documented hash, so a token lands in
// the same bucket in training and serving, in this runtime and any other that reimplements it.

const OFFSET_BASIS = 0x811c9dc5
const PRIME = 0x01000193
const utf8 = new TextEncoder()

/** Unsigned 32-bit FNV-1a hash of the UTF-8 encoding of `text`. */
export function fnv1a32(text: string): number {
  let hash = OFFSET_BASIS
  for (const byte of utf8.encode(text)) {
    hash ^= byte
    // Math.imul keeps the multiply in 32 bits; a plain * would lose low bits past 2^53.
    hash = Math.imul(hash, PRIME)
  }
  return hash >>> 0
}
