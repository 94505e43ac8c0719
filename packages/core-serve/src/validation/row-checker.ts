// The one validation rule of serving, the same for JSON, CSV and JSON Lines because it runs on decoded
// rows: a feature is required unless the schema says how a missing value is filled, and a required one
// that is missing, null, NaN or empty is a 400 naming the row, the field and the fix; a value the model
// cannot read is a 400 too. What the model can answer but was not trained on (a value outside the
// training range, an unseen category, a field that is not a feature) is answered and warned about.
import {
  formatUserError,
  type RequestFeature,
  type RequestSchema,
  readNumber,
  readString,
} from '@sagepack/core-data'
import type { InputRow } from '../handler/handler-api'
import { InvocationError } from '../handler/invocation-error'
import { type CheckedRows, MAX_LISTED_WARNINGS, type RowWarning } from './row-warning'

export interface RowChecker {
  /** Throws an InvocationError(400) at the first row that does not fit. */
  check(rows: readonly InputRow[]): CheckedRows
}

interface FeatureCheck {
  feature: RequestFeature
  required: boolean
  /** What a value of this feature looks like, for the 400 message. */
  expected: string
  categories: ReadonlySet<string> | undefined
}

export function createRowChecker(schema: RequestSchema): RowChecker {
  const checks = schema.features.map(
    (feature): FeatureCheck => ({
      feature,
      required: feature.fill === undefined,
      expected: expectedValue(feature),
      categories: feature.categories ? new Set(feature.categories) : undefined,
    }),
  )
  const names = new Set(schema.features.map((feature) => feature.name))
  const order = schema.features.map((feature) => feature.name)

  return {
    check(rows) {
      const listed: RowWarning[] = []
      let warningCount = 0
      const warn = (warning: RowWarning) => {
        warningCount++
        if (listed.length < MAX_LISTED_WARNINGS) listed.push(warning)
      }
      let unknown: Map<string, number[]> | undefined
      for (let index = 0; index < rows.length; index++) {
        const row = rows[index] as InputRow
        if (Array.isArray(row)) {
          if (row.length !== order.length) throw lengthError(index, row.length, order)
        } else {
          for (const field in row) {
            if (names.has(field) || !Object.hasOwn(row, field)) continue
            if (schema.unknownFields === 'refuse') throw unknownFieldError(schema, index, field, order)
            unknown ??= new Map()
            const seenIn = unknown.get(field)
            if (seenIn) seenIn.push(index)
            else unknown.set(field, [index])
          }
        }
        for (let column = 0; column < checks.length; column++) {
          const check = checks[column] as FeatureCheck
          const { name } = check.feature
          const raw = Array.isArray(row) ? row[column] : Object.hasOwn(row, name) ? row[name] : undefined
          checkValue(schema.model, check, raw, index, warn)
        }
      }
      if (unknown) {
        for (const [field, seenIn] of unknown) {
          warn({ field, message: unknownFieldWarning(schema, field, seenIn) })
        }
      }
      return { warnings: listed, warningCount }
    },
  }
}

function checkValue(
  model: string,
  check: FeatureCheck,
  raw: unknown,
  row: number,
  warn: (warning: RowWarning) => void,
): void {
  const { feature } = check
  // The common case, a finite number for a numeric feature, is read without a result object per value.
  if (typeof raw === 'number' && feature.kind === 'numeric' && Number.isFinite(raw)) {
    checkRange(feature, raw, row, warn)
    return
  }
  const read = feature.kind === 'numeric' ? readNumber(raw) : readString(raw)
  if (!read.ok) throw rowError(row, feature.name, read.problem, check.expected)
  if (read.value === null) {
    if (!check.required) return
    throw rowError(
      row,
      feature.name,
      missingProblem(raw),
      check.expected,
      `send ${feature.name} in every row: ${model} never saw it missing in training, so it does not guess a value for it`,
    )
  }
  if (typeof read.value === 'number') checkRange(feature, read.value, row, warn)
  else if (check.categories && !check.categories.has(read.value)) {
    warn({
      row,
      field: feature.name,
      message: `${JSON.stringify(read.value)} is not a category seen in training (${listed(feature.categories ?? [])}); the model reads it as none of them`,
    })
  }
}

function checkRange(
  feature: RequestFeature,
  value: number,
  row: number,
  warn: (warning: RowWarning) => void,
): void {
  const range = feature.trainingRange
  if (range && (value < range.min || value > range.max)) {
    const side = value < range.min ? 'below' : 'above'
    warn({
      row,
      field: feature.name,
      message: `${value} is ${side} the range seen in training (${range.min} to ${range.max}); the answer is an extrapolation`,
    })
  }
}

function expectedValue(feature: RequestFeature): string {
  const doc = feature.doc ? ` (${feature.doc})` : ''
  switch (feature.kind) {
    case 'numeric': {
      const range = feature.trainingRange
      return `a number${doc}${range ? `; training saw ${range.min} to ${range.max}` : ''}`
    }
    case 'categorical':
      return feature.categories && feature.categories.length > 0
        ? `one of ${listed(feature.categories)}${doc}`
        : `a category${doc}`
    case 'text':
      return `a text${doc}`
  }
}

function missingProblem(raw: unknown): string {
  if (raw === undefined) return 'is missing'
  if (raw === null) return 'is null'
  if (typeof raw === 'number') return 'is NaN'
  if (typeof raw === 'string' && raw.trim() !== '') return `is ${JSON.stringify(raw)}, which means missing`
  return 'is empty'
}

/** Rows count from 0, as the preprocessor's and the handlers' own messages count them. */
function where(row: number): string {
  return `row ${row} (counting from 0)`
}

function rowError(
  row: number,
  field: string,
  problem: string,
  expected: string,
  fix?: string,
): InvocationError {
  const message = formatUserError({
    input: `${where(row)}, field '${field}'`,
    problem,
    expected,
    ...(fix ? { fix } : {}),
  })
  return new InvocationError(400, message, { row, field })
}

function lengthError(row: number, length: number, order: readonly string[]): InvocationError {
  const message = formatUserError({
    input: where(row),
    problem: `has ${length} value${length === 1 ? '' : 's'}`,
    expected: `${order.length} values in this order: ${order.join(', ')}`,
    // Extra values are most often a text or a name with a comma that a CSV client left unquoted.
    ...(length > order.length
      ? { fix: 'in CSV, put a value that holds a comma in double quotes: "Hello, world"' }
      : {}),
  })
  return new InvocationError(400, message, { row })
}

function unknownFieldError(
  schema: RequestSchema,
  row: number,
  field: string,
  order: readonly string[],
): InvocationError {
  const message = formatUserError({
    input: `${where(row)}, field '${field}'`,
    problem: `is not a feature of ${schema.model}, which refuses fields it does not know`,
    expected: `only the fields ${order.join(', ')}`,
    fix: `leave ${field} out${field === schema.label.name ? `: it is the label ${schema.model} predicts` : ''}`,
  })
  return new InvocationError(400, message, { row, field })
}

function unknownFieldWarning(schema: RequestSchema, field: string, rows: readonly number[]): string {
  const what =
    field === schema.label.name
      ? `is the label ${schema.model} predicts, not an input`
      : `is not a feature of ${schema.model}`
  const shown =
    rows.length > 5 ? `${rows.slice(0, 5).join(', ')} and ${rows.length - 5} more` : rows.join(', ')
  return `${what}; ignored (row${rows.length === 1 ? '' : 's'} ${shown}, counting from 0)`
}

/** Up to ten items, then how many more: a message stays readable for a column of many categories. */
function listed(items: readonly string[]): string {
  const shown = items.slice(0, 10).join(', ')
  return items.length > 10 ? `${shown} and ${items.length - 10} more` : shown
}
