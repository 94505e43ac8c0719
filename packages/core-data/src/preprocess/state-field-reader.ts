// Reads typed fields out of untrusted JSON, failing with a UserError that names the field's path
// (`columns[2].std`) in the file it came from.
import { UserError } from '../errors/user-error'
import { describeValue } from '../values/read-cell-value'

export type JsonObject = Record<string, unknown>

export class StateFieldReader {
  constructor(
    private readonly source: string,
    private readonly fix: string,
  ) {}

  fail(path: string, problem: string, expected: string): never {
    throw new UserError({
      input: path === '' ? this.source : `${this.source}, field '${path}'`,
      problem,
      expected,
      fix: this.fix,
    })
  }

  object(value: unknown, path: string): JsonObject {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject
    return this.fail(path, this.#wrong(value, 'an object'), 'an object')
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value
    return this.fail(path, this.#wrong(value, 'an array'), 'an array')
  }

  string(value: unknown, path: string): string {
    if (typeof value === 'string' && value !== '') return value
    return this.fail(path, this.#wrong(value, 'a non-empty string'), 'a non-empty string')
  }

  /** An array of distinct non-empty strings. */
  strings(value: unknown, path: string): string[] {
    const list = this.array(value, path).map((item, index) => this.string(item, `${path}[${index}]`))
    const repeated = list.find((item, index) => list.indexOf(item) !== index)
    if (repeated !== undefined)
      this.fail(path, `${describeValue(repeated)} appears twice`, 'distinct strings')
    return list
  }

  finite(value: unknown, path: string): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value
    return this.fail(path, this.#wrong(value, 'a finite number'), 'a finite number')
  }

  optionalFinite(value: unknown, path: string): number | undefined {
    return value === undefined ? undefined : this.finite(value, path)
  }

  #wrong(value: unknown, expected: string): string {
    return value === undefined ? 'is missing' : `${describeValue(value)} is not ${expected}`
  }
}
