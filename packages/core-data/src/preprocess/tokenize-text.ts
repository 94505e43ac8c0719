// Splits text into the tokens the hashed bag-of-words counts: lowercase runs of letters and digits
// in any script.

// Marks (\p{M}) stay inside a token: accents in decomposed form and the vowel signs of scripts such as
// Devanagari are marks, and splitting on them would cut words apart.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu

export function tokenizeText(text: string): string[] {
  // NFC first so "é" typed as one code point or as e + accent hashes the same.
  return text.normalize('NFC').toLowerCase().match(TOKEN) ?? []
}
