// How check summaries print counts, fractions and names, so every sentence reads the same way.

/** 0.0831 -> '8.3%'. */
export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`
}

/** (1, 'row') -> '1 row'; (3, 'row') -> '3 rows'; (2, 'class') -> '2 classes'. */
export function count(n: number, noun: string): string {
  if (n === 1) return `${n} ${noun}`
  return `${n} ${noun}${/(s|sh|ch|x)$/.test(noun) ? 'es' : 's'}`
}

/** ['a', 'b'] -> "'a', 'b'". */
export function quoted(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ')
}

/** Joins clauses into one sentence that starts with a capital and ends with a period. */
export function sentence(clauses: readonly string[]): string {
  const text = clauses.join('; ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}
