// Types one row of named raw fields against a schema: the typed values, or every cell that does not fit.
import type { DatasetSchema } from '../schema/feature-schema'
import type { FieldValue } from './data-record'
import type { SchemaViolation } from './schema-violation'
import { formatGot } from './schema-violation'
import { type ColumnSpec, typeValue } from './type-value'

export type AppliedRow = { values: Record<string, FieldValue> } | { violations: SchemaViolation[] }

export interface ApplySchemaOptions {
  /** Type the label too (default). Serving turns it off: request rows carry features only. */
  includeLabel?: boolean
}

/**
 * Types `fields` for the schema's features (and label). Missing values ('' in any column; also 'NA',
 * 'NaN', 'null' in numeric ones; JSON null; an absent field) become null and are not violations:
 * a data check reports them. Fields the schema does not name are ignored.
 */
export function applySchema(
  fields: Record<string, unknown>,
  schema: DatasetSchema,
  where: { source: string; line: number },
  options: ApplySchemaOptions = {},
): AppliedRow {
  const columns: readonly ColumnSpec[] =
    options.includeLabel === false ? schema.features : [...schema.features, schema.label]
  const values: [string, FieldValue][] = []
  const violations: SchemaViolation[] = []
  for (const spec of columns) {
    // Own properties only: a column named like an Object.prototype member must not read the prototype.
    const raw = Object.hasOwn(fields, spec.name) ? fields[spec.name] : undefined
    const typed = typeValue(raw, spec)
    if ('value' in typed) values.push([spec.name, typed.value])
    else violations.push({ ...where, column: spec.name, expected: typed.expected, got: formatGot(raw) })
  }
  // fromEntries defines properties, so a column named "__proto__" stays an ordinary value.
  return violations.length > 0 ? { violations } : { values: Object.fromEntries(values) }
}
