import { Header, Pax } from 'tar'
import { describe, expect, it } from 'vitest'
import { paddingAfter, TAR_BLOCK, tarFileHeader, tarFileLength } from './tar-header'

function decode(blocks: Buffer): Header {
  if (blocks.length === TAR_BLOCK) return new Header(blocks)
  const pax = new Header(blocks.subarray(0, TAR_BLOCK))
  expect(pax.type).toBe('ExtendedHeader')
  const body = blocks.subarray(TAR_BLOCK, TAR_BLOCK + (pax.size ?? 0)).toString('utf8')
  return new Header(blocks.subarray(blocks.length - TAR_BLOCK), 0, Pax.parse(body))
}

describe('tarFileHeader', () => {
  it('writes a ustar header with fixed owner, time and the given mode', () => {
    const block = tarFileHeader({ path: 'code/inference.mjs', size: 1234, mode: 0o755 })
    expect(block.length).toBe(TAR_BLOCK)
    const header = decode(block)
    expect(header).toMatchObject({
      path: 'code/inference.mjs',
      size: 1234,
      mode: 0o755,
      uid: 0,
      gid: 0,
      uname: '',
      gname: '',
      type: 'File',
      cksumValid: true,
    })
    expect(header.mtime?.getTime()).toBe(0)
    expect(block.subarray(257, 265).toString('latin1')).toBe('ustar\u000000')
  })

  it('moves paths over 100 bytes and non-ASCII paths into a PAX header', () => {
    const long = `code/${'deep/'.repeat(30)}inference.mjs`
    for (const path of [long, 'modèle/poids.bin', 'x'.repeat(100), 'y'.repeat(101)]) {
      const blocks = tarFileHeader({ path, size: 5, mode: 0o644 })
      expect(decode(blocks).path).toBe(path)
      expect(blocks.length > TAR_BLOCK).toBe(path.length > 100 || path.startsWith('mod'))
    }
  })

  it('gets the self-counting PAX record length right across digit boundaries', () => {
    // Records of 99..102 bytes: the length field grows from 2 to 3 digits in this range.
    for (let length = 80; length < 120; length++) {
      const path = `a/${'b'.repeat(length)}`
      expect(decode(tarFileHeader({ path, size: 0, mode: 0o644 })).path).toBe(path)
    }
  })

  it('records sizes of 8 GiB and more in PAX and base-256', () => {
    const size = 9 * 2 ** 30 + 7
    const blocks = tarFileHeader({ path: 'model.onnx', size, mode: 0o644 })
    expect(decode(blocks).size).toBe(size)
    // A reader that ignores PAX decodes the base-256 field alone.
    expect(new Header(blocks.subarray(blocks.length - TAR_BLOCK)).size).toBe(size)
  })

  it('counts headers, data and padding in tarFileLength', () => {
    expect(paddingAfter(0)).toBe(0)
    expect(paddingAfter(1)).toBe(511)
    expect(paddingAfter(512)).toBe(0)
    expect(tarFileLength({ path: 'a', size: 513, mode: 0o644 })).toBe(512 + 1024)
    expect(tarFileLength({ path: 'a'.repeat(200), size: 0, mode: 0o644 })).toBe(3 * 512)
  })
})
