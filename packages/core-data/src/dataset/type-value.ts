// Types one raw cell (a CSV string or a parsed JSON value) for its column kind: the rules shared by
// training data and serving requests.

import type { FeatureSpec, LabelSpec } from '../schema/feature-schema'
import { readNumber, readString } from '../values/read-cell-value'
import type { FieldValue } from './data-record'

export type ColumnSpec = FeatureSpec | LabelSpec

/** The typed value, or what the column expected when the value does not fit. */
export type TypedValue = { value: FieldValue } | { expected: string }

export function typeValue(raw: unknown, spec: ColumnSpec): TypedValue {
  if (raw === undefined || raw === null) return { value: null }
  switch (spec.kind) {
    case 'numeric':
      return typeNumber(raw)
    case 'categorical':
      return typeString(raw, spec.categories)
    case 'class':
      return typeString(raw, spec.classes)
    case 'text':
      return typeString(raw, undefined)
  }
}

function typeNumber(raw: unknown): TypedValue {
  const read = readNumber(raw)
  return read.ok ? { value: read.value } : { expected: 'a number' }
}

function typeString(raw: unknown, allowed: readonly string[] | undefined): TypedValue {
  const read = readString(raw)
  if (!read.ok) return { expected: allowed ? describeAllowed(allowed) : 'a string' }
  if (read.value === null || allowed === undefined) return { value: read.value }
  return allowedSet(allowed).has(read.value) ? { value: read.value } : { expected: describeAllowed(allowed) }
}

// Schemas live as long as the process and are reused for every row, so their sets are built once.
const allowedSets = new WeakMap<readonly string[], ReadonlySet<string>>()

function allowedSet(allowed: readonly string[]): ReadonlySet<string> {
  let set = allowedSets.get(allowed)
  if (!set) {
    set = new Set(allowed)
    allowedSets.set(allowed, set)
  }
  return set
}

const MAX_LISTED = 10

function describeAllowed(allowed: readonly string[]): string {
  if (allowed.length === 0) return 'no value (the schema lists no categories for this column)'
  const listed = allowed.slice(0, MAX_LISTED).map((value) => JSON.stringify(value))
  const rest = allowed.length > MAX_LISTED ? `, ... (${allowed.length} in all)` : ''
  return `one of ${listed.join(', ')}${rest}`
}
