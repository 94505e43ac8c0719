import { describe, expect, it } from 'vitest'
import {
  decodeCharset,
  decodeEncodedWords,
  decodeQuotedPrintable,
  decodeTransferEncoding,
} from './mime-decoding'

describe('mime decoding', () => {
  it('decodes quoted-printable bytes and joins soft line breaks', () => {
    const bytes = decodeQuotedPrintable('caf=C3=A9 =3D one=\r\nline=\nend')
    expect(new TextDecoder().decode(bytes)).toBe('café = onelineend')
  })

  it('keeps a lone = that starts no hex pair', () => {
    expect(new TextDecoder().decode(decodeQuotedPrintable('a = b =ZZ'))).toBe('a = b =ZZ')
  })

  it('reads bodies in their charset, and an unknown charset as Latin-1', () => {
    const latin1 = decodeTransferEncoding('Gr=FC=DFe', 'quoted-printable', 'iso-8859-1')
    expect(latin1).toBe('Grüße')
    expect(decodeTransferEncoding('R3LDvMOfZQ==\n', 'base64', 'utf-8')).toBe('Grüße')
    expect(decodeCharset(Uint8Array.from([0x47, 0xfc]), 'x-no-such-charset')).toBe('Gü')
    expect(decodeTransferEncoding('as it is =3D', '8bit', undefined)).toBe('as it is =3D')
  })

  it('decodes Q and B encoded words in headers, dropping the space between adjacent ones', () => {
    expect(decodeEncodedWords('=?iso-8859-1?Q?Gr=FC=DFe_aus?= =?UTF-8?B?TcO8bmNoZW4=?= now')).toBe(
      'Grüße ausMünchen now',
    )
    expect(decodeEncodedWords('plain subject')).toBe('plain subject')
  })
})
