// The form of a message's text the model reads: whitespace collapsed to single spaces and cut at the
// last word boundary within MAX_TEXT_CHARS characters. data/spam-csv.ts writes the training data in
// this form and the inference handler puts every request in it, so a long message is read the same
// way in training and in serving, and one huge request cannot make tokenizing slow.

/** Enough for a bag of words (the corpus's median message is about this long); keeps data/spam.csv near 5 MB. */
export const MAX_TEXT_CHARS = 1000

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function messageText(text: string): string {
  const collapsed = collapseWhitespace(text)
  if (collapsed.length <= MAX_TEXT_CHARS) return collapsed
  const space = collapsed.lastIndexOf(' ', MAX_TEXT_CHARS)
  return collapsed.slice(0, space > 0 ? space : MAX_TEXT_CHARS)
}
