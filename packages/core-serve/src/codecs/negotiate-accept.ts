// Picks the response media type from an Accept header, honouring q-values and wildcards (RFC 9110 12.5.1).

/**
 * Returns the offered type the client prefers: highest q first, then the order the client listed them;
 * `undefined` when nothing offered is acceptable. A missing or empty header accepts anything, and a
 * wildcard picks the first offer it covers, so `offers[0]` is the default.
 */
export function negotiateAccept(header: string | undefined, offers: readonly string[]): string | undefined {
  if (header === undefined || header.trim() === '' || header === '*/*') return offers[0]
  // The usual header names one type exactly (`application/json`): no ranges or q-values to weigh.
  if (offers.includes(header)) return header
  let best: string | undefined
  let bestQuality = 0
  for (const range of header.split(',')) {
    const [rawType = '', ...params] = range.split(';')
    const type = rawType.trim().toLowerCase()
    const quality = qualityOf(params)
    // Strictly greater keeps the earlier of two equally preferred ranges.
    if (quality <= bestQuality) continue
    const offer = offerFor(type, offers)
    if (offer === undefined) continue
    best = offer
    bestQuality = quality
  }
  return best
}

function offerFor(range: string, offers: readonly string[]): string | undefined {
  if (range === '*/*') return offers[0]
  if (range.endsWith('/*')) {
    const prefix = range.slice(0, -1)
    return offers.find((offer) => offer.startsWith(prefix))
  }
  return offers.includes(range) ? range : undefined
}

/** A malformed q-value counts as 1, as if it were absent: a client's typo should not cost it a response. */
function qualityOf(params: readonly string[]): number {
  for (const param of params) {
    const [name = '', value = ''] = param.split('=')
    if (name.trim().toLowerCase() !== 'q') continue
    const quality = Number(value.trim())
    return Number.isFinite(quality) && value.trim() !== '' ? Math.min(Math.max(quality, 0), 1) : 1
  }
  return 1
}
