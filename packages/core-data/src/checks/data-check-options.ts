// The knobs a model's config gives the data checks (`checks.*`), with defaults and validation, so a
// typo in a threshold or severity fails with the key's name instead of silently checking nothing.
import { UserError } from '../errors/user-error'
import { DATA_CHECK_NAMES, type DataCheckName, SEVERITIES, type Severity } from './check-result'

export interface DataCheckOptions {
  /** A feature missing in more than this fraction of rows fails with 'error' (default 0.05). */
  maxMissingFraction?: number
  /** The smallest class below this fraction of labelled rows fails with 'warning' (default 0.1). */
  minClassFraction?: number
  /** Replaces the severity a check carries when it fails. */
  severities?: Partial<Record<DataCheckName, Severity>>
}

export interface ResolvedDataCheckOptions {
  maxMissingFraction: number
  minClassFraction: number
  severities: Partial<Record<DataCheckName, Severity>>
}

const DEFAULT_MAX_MISSING_FRACTION = 0.05
const DEFAULT_MIN_CLASS_FRACTION = 0.1

const CONFIG_PREFIX = 'checks'

export function resolveDataCheckOptions(options: DataCheckOptions = {}): ResolvedDataCheckOptions {
  return {
    maxMissingFraction: fractionOption(
      'maxMissingFraction',
      options.maxMissingFraction,
      DEFAULT_MAX_MISSING_FRACTION,
    ),
    minClassFraction: fractionOption(
      'minClassFraction',
      options.minClassFraction,
      DEFAULT_MIN_CLASS_FRACTION,
    ),
    severities: severitiesOption(options.severities),
  }
}

function fractionOption(key: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UserError({
      input: `${CONFIG_PREFIX}.${key}`,
      problem: `${JSON.stringify(value) ?? String(value)} is not a fraction`,
      expected: 'a number from 0 to 1',
      fix: `set ${CONFIG_PREFIX}.${key} to a fraction such as ${fallback}`,
    })
  }
  return value
}

function severitiesOption(value: unknown): Partial<Record<DataCheckName, Severity>> {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError({
      input: `${CONFIG_PREFIX}.severities`,
      problem: 'is not an object',
      expected: `an object mapping check names (${DATA_CHECK_NAMES.join(', ')}) to ${SEVERITIES.join(' | ')}`,
    })
  }
  const severities: Partial<Record<DataCheckName, Severity>> = {}
  for (const [name, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!isCheckName(name)) {
      throw new UserError({
        input: `${CONFIG_PREFIX}.severities.${name}`,
        problem: `'${name}' is not a data check`,
        expected: `one of ${DATA_CHECK_NAMES.join(', ')}`,
        fix: 'correct the check name or remove the key',
      })
    }
    if (severity === undefined) continue
    if (!isSeverity(severity)) {
      throw new UserError({
        input: `${CONFIG_PREFIX}.severities.${name}`,
        problem: `${JSON.stringify(severity) ?? String(severity)} is not a severity`,
        expected: SEVERITIES.join(' | '),
      })
    }
    severities[name] = severity
  }
  return severities
}

function isCheckName(name: string): name is DataCheckName {
  return (DATA_CHECK_NAMES as readonly string[]).includes(name)
}

function isSeverity(value: unknown): value is Severity {
  return (SEVERITIES as readonly unknown[]).includes(value)
}
