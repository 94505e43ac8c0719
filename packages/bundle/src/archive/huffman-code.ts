// Length-limited canonical Huffman codes (RFC 1951, 3.2.2) for the bundle's own deflate encoder: the
// same frequencies always give the same code, so the archive does not depend on any library's choices.

/**
 * Code lengths (0 for an unused symbol) of a Huffman code for `frequencies`, none longer than
 * `maxBits`. Ties are broken by symbol, so the result depends on the frequencies alone. When the
 * optimal code is too deep, the frequencies are halved (an unused symbol stays unused) until it fits:
 * near-optimal, and it always ends, since equal frequencies give a balanced code.
 */
export function huffmanCodeLengths(frequencies: ArrayLike<number>, maxBits: number): Uint8Array {
  const count = frequencies.length
  let weights = Array.from(frequencies)
  for (;;) {
    const lengths = treeDepths(weights)
    let deepest = 0
    for (let symbol = 0; symbol < count; symbol++) deepest = Math.max(deepest, lengths[symbol] ?? 0)
    if (deepest <= maxBits) return lengths
    weights = weights.map((weight) => (weight > 0 ? Math.max(1, weight >>> 1) : 0))
  }
}

/** Depth of each used symbol in a Huffman tree of `weights`; a lone symbol gets depth 1. */
function treeDepths(weights: readonly number[]): Uint8Array {
  const depths = new Uint8Array(weights.length)
  const used = weights
    .map((weight, symbol) => ({ weight, symbol }))
    .filter((leaf) => leaf.weight > 0)
    .sort((a, b) => a.weight - b.weight || a.symbol - b.symbol)
  if (used.length === 1) depths[(used[0] as { symbol: number }).symbol] = 1
  if (used.length < 2) return depths
  // Two queues (leaves in weight order, merged nodes in creation order) build the tree in linear time.
  const parent: number[] = []
  const weightOf: number[] = []
  const leaves = used.map((leaf) => {
    weightOf[leaf.symbol] = leaf.weight
    return leaf.symbol
  })
  const merged: number[] = []
  let next = weights.length
  let leafAt = 0
  let mergedAt = 0
  const lighter = (): number => {
    const leaf = leaves[leafAt]
    const node = merged[mergedAt]
    if (
      node === undefined ||
      (leaf !== undefined && (weightOf[leaf] as number) <= (weightOf[node] as number))
    ) {
      leafAt++
      return leaf as number
    }
    mergedAt++
    return node
  }
  for (let joins = used.length - 1; joins > 0; joins--) {
    const a = lighter()
    const b = lighter()
    weightOf[next] = (weightOf[a] as number) + (weightOf[b] as number)
    parent[a] = next
    parent[b] = next
    merged.push(next++)
  }
  for (const symbol of leaves) {
    let depth = 0
    for (let node = symbol; parent[node] !== undefined; node = parent[node] as number) depth++
    depths[symbol] = depth
  }
  return depths
}

/**
 * The canonical codes for `lengths`, bit-reversed: deflate packs Huffman codes from their most
 * significant bit into a stream that is otherwise filled from the least significant bit.
 */
export function canonicalCodes(lengths: Uint8Array, maxBits: number): Uint16Array {
  const perLength = new Uint16Array(maxBits + 1)
  for (const length of lengths) if (length > 0) perLength[length] = (perLength[length] as number) + 1
  const nextCode = new Uint16Array(maxBits + 1)
  let code = 0
  for (let bits = 1; bits <= maxBits; bits++) {
    code = (code + (perLength[bits - 1] as number)) << 1
    nextCode[bits] = code
  }
  const codes = new Uint16Array(lengths.length)
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const length = lengths[symbol] as number
    if (length === 0) continue
    let forward = nextCode[length] as number
    nextCode[length] = forward + 1
    let reversed = 0
    for (let bit = 0; bit < length; bit++) {
      reversed = (reversed << 1) | (forward & 1)
      forward >>>= 1
    }
    codes[symbol] = reversed
  }
  return codes
}
