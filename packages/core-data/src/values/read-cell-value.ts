// Reads one raw cell (a CSV string, a JSON value, a typed record's value) as a number or a string.
// The dataset reader, the preprocessors and serving all go through here, so "5.1" and 5.1 are the
// same input and a missing cell means the same thing everywhere.

/** What a cell read to, or why it could not be read (the caller adds where). */
export type ReadResult<T> = { ok: true; value: T | null } | { ok: false; problem: string; expected: string }

// Plain decimal notation only: Number() would also take '0x1f', 'Infinity' and ' ', which are not data.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
// Spellings of "no value" that pandas, R and hand-written files put in numeric columns.
const MISSING_NUMBER_TEXT = new Set(['', 'na', 'nan', 'null'])

const NUMBER_EXPECTED = 'a finite number or a numeric string (empty, NA, NaN or null for missing)'
const STRING_EXPECTED = 'a string, number or boolean (empty or null for missing)'

/** Numbers and numeric strings; null, undefined, NaN, blank strings and NA/NaN/null text are missing. */
export function readNumber(raw: unknown): ReadResult<number> {
  if (raw === null || raw === undefined) return { ok: true, value: null }
  if (typeof raw === 'number') {
    if (Number.isNaN(raw)) return { ok: true, value: null }
    if (Number.isFinite(raw)) return { ok: true, value: raw }
    return { ok: false, problem: `${raw} is not a finite number`, expected: NUMBER_EXPECTED }
  }
  if (typeof raw === 'string') {
    const text = raw.trim()
    if (MISSING_NUMBER_TEXT.has(text.toLowerCase())) return { ok: true, value: null }
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN
    if (Number.isFinite(value)) return { ok: true, value }
    return { ok: false, problem: `${describeValue(raw)} is not a number`, expected: NUMBER_EXPECTED }
  }
  return { ok: false, problem: `${describeValue(raw)} is not a number`, expected: NUMBER_EXPECTED }
}

/**
 * Strings as they are; numbers and booleans as their text, because CSV sends `42` and `true` where
 * JSON sends 42 and true. Null, undefined and the empty string are missing.
 */
export function readString(raw: unknown): ReadResult<string> {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null }
  if (typeof raw === 'string') return { ok: true, value: raw }
  if ((typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'boolean')
    return { ok: true, value: String(raw) }
  return { ok: false, problem: `${describeValue(raw)} is not a string`, expected: STRING_EXPECTED }
}

/** A short, safe description of any value for an error message. */
export function describeValue(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)
  if (Array.isArray(raw)) return 'an array'
  if (raw === null) return 'null'
  if (typeof raw === 'object') return 'an object'
  if (typeof raw === 'function') return 'a function'
  if (typeof raw === 'symbol') return 'a symbol'
  if (typeof raw === 'bigint') return `${raw}n`
  return String(raw)
}
