// Reduces a Content-Type header to its media type: `Application/JSON; charset=utf-8` -> `application/json`.

/** Bodies are always read as UTF-8, so parameters such as charset carry nothing we use. */
export function mediaTypeOf(header: string): string {
  const semicolon = header.indexOf(';')
  const type = semicolon === -1 ? header : header.slice(0, semicolon)
  return type.trim().toLowerCase()
}
