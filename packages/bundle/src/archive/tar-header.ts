// The tar headers of a bundle, written byte by byte so every field is fixed: ustar headers with uid/gid
// 0, empty owner names, mtime 0 and the entry's normalized mode, plus a PAX extended header (as POSIX
// 1003.1-2001 and node-tar write it) when a path or size does not fit the ustar fields.
import type { ArchiveMode } from './archive-entry'

export const TAR_BLOCK = 512
/** Two zero blocks end a tar archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * TAR_BLOCK)

const NAME_FIELD = 100
/** The largest size 11 octal digits hold (8 GiB - 1); larger files need PAX `size` and base-256. */
const MAX_OCTAL_SIZE = 0o77777777777
/** A fixed name for PAX headers, as Python writes it, so it never leaks a host path or process id. */
const PAX_HEADER_NAME = '././@PaxHeader'

export interface TarFileHeader {
  path: string
  size: number
  mode: ArchiveMode
}

/** The header blocks (PAX header when needed, then ustar) that precede a regular file's data. */
export function tarFileHeader(file: TarFileHeader): Buffer {
  const records: string[] = []
  if (!fitsNameField(file.path)) records.push(paxRecord('path', file.path))
  if (file.size > MAX_OCTAL_SIZE) records.push(paxRecord('size', String(file.size)))
  const header = ustarBlock({ name: asciiFallback(file.path), size: file.size, mode: file.mode, type: '0' })
  if (records.length === 0) return header
  const body = Buffer.from(records.join(''), 'utf8')
  const paxHeader = ustarBlock({ name: PAX_HEADER_NAME, size: body.length, mode: 0o644, type: 'x' })
  return Buffer.concat([paxHeader, body, Buffer.alloc(paddingAfter(body.length)), header])
}

/** Zero bytes that fill a file's data up to the next 512-byte block. */
export function paddingAfter(size: number): number {
  return (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK
}

/** How many bytes a regular file takes in the archive: headers, data and padding. */
export function tarFileLength(file: TarFileHeader): number {
  return tarFileHeader(file).length + file.size + paddingAfter(file.size)
}

function fitsNameField(path: string): boolean {
  // Non-ASCII names go to PAX, which is defined as UTF-8; the ustar field has no encoding.
  return path.length <= NAME_FIELD && /^[\x20-\x7e]*$/.test(path)
}

/** What a reader that ignores PAX sees: the path made ASCII and cut to the name field. */
function asciiFallback(path: string): string {
  return path.replace(/[^\x20-\x7e]/g, '_').slice(0, NAME_FIELD)
}

/** One PAX record, `"<length> <key>=<value>\n"`, where the length counts its own digits. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`
  const restBytes = Buffer.byteLength(rest, 'utf8')
  let length = restBytes + String(restBytes).length
  if (String(length).length !== String(restBytes).length) length = restBytes + String(length).length
  return `${length}${rest}`
}

interface UstarFields {
  name: string
  size: number
  mode: number
  type: '0' | 'x'
}

function ustarBlock(fields: UstarFields): Buffer {
  const block = Buffer.alloc(TAR_BLOCK)
  block.write(fields.name, 0, NAME_FIELD, 'ascii')
  writeOctal(block, 100, 8, fields.mode)
  writeOctal(block, 108, 8, 0) // uid
  writeOctal(block, 116, 8, 0) // gid
  writeSize(block, fields.size)
  writeOctal(block, 136, 12, 0) // mtime: the epoch, so the archive does not depend on when it was built
  block.write(fields.type, 156, 1, 'ascii')
  // linkname (157) stays empty; uname (265) and gname (297) stay empty so readers use uid/gid 0.
  block.write('ustar\u000000', 257, 8, 'ascii')
  writeOctal(block, 329, 8, 0) // devmajor
  writeOctal(block, 337, 8, 0) // devminor
  // The checksum is summed with its own field read as eight spaces, then written as 6 digits, NUL, space.
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii')
  return block
}

/** Zero-padded octal ending in NUL, e.g. mode 0o644 in 8 bytes is `0000644\0`. */
function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii')
}

function writeSize(block: Buffer, size: number): void {
  if (size <= MAX_OCTAL_SIZE) {
    writeOctal(block, 124, 12, size)
    return
  }
  // Base-256 (GNU, read by GNU tar, Python and node-tar) as well as the PAX record, so a reader that
  // ignores PAX still finds where the data ends.
  let rest = BigInt(size)
  for (let i = 124 + 11; i > 124; i--) {
    block[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  block[124] = 0x80
}
