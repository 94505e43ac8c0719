// Escaping for text and attribute values put into the report's HTML.

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )
}

/** A long value cut for a table cell, with the cut marked. */
export function shortened(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
