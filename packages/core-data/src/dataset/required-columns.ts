// Checks that a file has every column the schema needs before its rows are typed, so a renamed or
// misspelled column fails once with the names found rather than as a missing value in every row.
import { UserError } from '../errors/user-error'
import type { DatasetSchema } from '../schema/feature-schema'

/** The schema's feature names, then the label's. */
export function requiredColumns(schema: DatasetSchema): string[] {
  return [...schema.features.map((feature) => feature.name), schema.label.name]
}

/** Throws a UserError at `input` when `found` lacks some of `required`; `holder` says what was read. */
export function checkRequiredColumns(
  found: readonly string[],
  required: readonly string[],
  input: string,
  holder: 'header' | 'object',
): void {
  const present = new Set(found)
  const missing = required.filter((name) => !present.has(name))
  if (missing.length === 0) return
  const near = missing.flatMap((name) => {
    const match = found.find((candidate) => looseName(candidate) === looseName(name))
    return match === undefined ? [] : [`"${match}" for "${name}"`]
  })
  const foundText = found.length === 0 ? 'none' : found.join(', ')
  throw new UserError({
    input,
    problem: `the ${holder} lacks ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} (found: ${foundText})`,
    expected: `columns ${required.join(', ')} (the schema's features and label; names are case-sensitive)`,
    fix:
      near.length > 0
        ? `rename ${near.join(', ')}, or change the schema`
        : `add the missing ${missing.length === 1 ? 'column' : 'columns'} to the data, or change the schema`,
  })
}

/** Whether `fields` holds every required column as its own property: the per-row fast path. */
export function hasAllColumns(fields: Record<string, unknown>, required: readonly string[]): boolean {
  return required.every((name) => Object.hasOwn(fields, name))
}

// "Petal Width", "petal-width" and "petal_width" are one name to a reader, not to a computer.
function looseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}
