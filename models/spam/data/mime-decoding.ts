// Undoes the encodings mail puts on text: quoted-printable and base64 bodies, charsets, and the
// `=?charset?Q?...?=` encoded words of headers (RFC 2045 and RFC 2047).

const utf8 = new TextEncoder()

/** Decodes `bytes` in `charset`; an unknown or missing charset reads as Latin-1, which never fails. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset?.trim() || 'latin1').decode(bytes)
  } catch {
    // TextDecoder throws RangeError on labels it does not know ('x-unknown', 'default').
    return new TextDecoder('latin1').decode(bytes)
  }
}

/** Bytes of a quoted-printable body: `=XX` is one byte, `=` at a line end joins the lines. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const joined = text.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let at = 0; at < joined.length; at++) {
    const code = joined.charCodeAt(at)
    const hex = code === 61 ? joined.slice(at + 1, at + 3) : ''
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      at += 2
    } else if (code < 0x80) {
      bytes.push(code)
    } else {
      // Already-decoded text left unencoded by a sloppy mailer: keep the character.
      bytes.push(...utf8.encode(joined[at]))
    }
  }
  return Uint8Array.from(bytes)
}

/** The body's text after its Content-Transfer-Encoding; 7bit, 8bit and binary bodies are text already. */
export function decodeTransferEncoding(body: string, encoding: string, charset: string | undefined): string {
  switch (encoding.trim().toLowerCase()) {
    case 'quoted-printable':
      return decodeCharset(decodeQuotedPrintable(body), charset)
    case 'base64':
      return decodeCharset(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'), charset)
    default:
      return body
  }
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g

/** A header value with its encoded words decoded; the space between two encoded words is dropped. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(ENCODED_WORD, (_, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : decodeQuotedPrintable(text.replaceAll('_', ' '))
      // RFC 2231 lets a language follow the charset: `iso-8859-1*en`.
      return decodeCharset(bytes, charset.split('*')[0])
    })
}
