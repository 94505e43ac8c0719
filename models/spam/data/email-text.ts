// The text a person reads in a raw RFC 822 message: its subject and the text of its body, with MIME
// parts walked, transfer encodings and charsets undone and HTML reduced to its text. Headers other
// than the subject are left out on purpose: routing headers (servers, dates, list names) tell the
// corpus's collections apart rather than spam from ham, and a client classifying a message sends
// what it says, not how it travelled.
import { collapseWhitespace } from '../train/message-text'
import { htmlToText } from './html-text'
import { decodeEncodedWords, decodeTransferEncoding } from './mime-decoding'

interface Entity {
  headers: Map<string, string>
  body: string
}

interface ContentType {
  type: string
  params: Map<string, string>
}

/** MIME nesting deeper than this is a malformed or hostile message; its inner parts are skipped. */
const MAX_DEPTH = 8

export interface EmailText {
  subject: string
  body: string
  /** Whether the message has an HTML body part (HTML only, or beside a plain-text form). */
  html: boolean
}

export function emailText(raw: string): EmailText {
  const message = parseEntity(raw)
  return {
    subject: collapseWhitespace(decodeEncodedWords(message.headers.get('subject') ?? '')),
    body: collapseWhitespace(entityText(message, 0)),
    html: hasHtmlPart(message, 0),
  }
}

/** A text/html part that is not an attachment, anywhere in the MIME tree. */
function hasHtmlPart(entity: Entity, depth: number): boolean {
  const { type, params } = contentTypeOf(entity)
  if (type.startsWith('multipart/')) {
    const boundary = params.get('boundary')
    if (!boundary || depth >= MAX_DEPTH) return false
    return splitMultipart(entity.body, boundary).some((part) => hasHtmlPart(parseEntity(part), depth + 1))
  }
  if (type === 'message/rfc822') return depth < MAX_DEPTH && hasHtmlPart(parseEntity(entity.body), depth + 1)
  return type === 'text/html' && !/^\s*attachment/i.test(entity.headers.get('content-disposition') ?? '')
}

/** Headers (unfolded, names lower-cased, first occurrence kept) and the body after the blank line. */
function parseEntity(raw: string): Entity {
  const text = raw.replace(/\r\n/g, '\n')
  const blank = text.search(/\n\n|^\n/)
  const head = blank === -1 ? text : text.slice(0, blank)
  const body = blank === -1 ? '' : text.slice(blank + (text[blank + 1] === '\n' ? 2 : 1))
  const headers = new Map<string, string>()
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function contentTypeOf(entity: Entity): ContentType {
  const [type = '', ...rest] = (entity.headers.get('content-type') ?? 'text/plain').split(';')
  const params = new Map<string, string>()
  for (const param of rest) {
    const equals = param.indexOf('=')
    if (equals === -1) continue
    const value = param.slice(equals + 1).trim()
    params.set(param.slice(0, equals).trim().toLowerCase(), value.replace(/^"(.*)"$/s, '$1'))
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params }
}

function entityText(entity: Entity, depth: number): string {
  const { type, params } = contentTypeOf(entity)
  if (type.startsWith('multipart/')) {
    const boundary = params.get('boundary')
    if (!boundary || depth >= MAX_DEPTH) return ''
    const parts = splitMultipart(entity.body, boundary).map(parseEntity)
    if (type === 'multipart/alternative') return alternativeText(parts, depth)
    return parts.map((part) => entityText(part, depth + 1)).join('\n')
  }
  if (type === 'message/rfc822')
    return depth >= MAX_DEPTH ? '' : entityText(parseEntity(entity.body), depth + 1)
  if (type !== 'text/plain' && type !== 'text/html') return ''
  if (/^\s*attachment/i.test(entity.headers.get('content-disposition') ?? '')) return ''
  const text = decodeTransferEncoding(
    entity.body,
    entity.headers.get('content-transfer-encoding') ?? '7bit',
    params.get('charset'),
  )
  return type === 'text/html' ? htmlToText(text) : text
}

/** The same content in several forms: the plain-text form when it says anything, else the first that does. */
function alternativeText(parts: Entity[], depth: number): string {
  const texts = parts.map((part) => ({ type: contentTypeOf(part).type, text: entityText(part, depth + 1) }))
  const said = texts.filter((candidate) => candidate.text.trim() !== '')
  return (said.find((candidate) => candidate.type === 'text/plain') ?? said[0])?.text ?? ''
}

/** The parts between `--boundary` lines, up to the closing `--boundary--` (or the end). */
function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = []
  let current: string[] | null = null
  for (const line of body.split('\n')) {
    const trimmed = line.trimEnd()
    if (trimmed === `--${boundary}--`) break
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current.join('\n'))
      current = []
    } else {
      current?.push(line)
    }
  }
  if (current) parts.push(current.join('\n'))
  return parts
}
