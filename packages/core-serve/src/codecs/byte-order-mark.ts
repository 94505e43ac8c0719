// Text saved by Excel ("CSV UTF-8") and some editors starts with a byte order mark; every codec drops
// it, whether the text came in a request body or from a file (`sagepack predict --input`).
const BYTE_ORDER_MARK = 0xfeff

export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text
}
