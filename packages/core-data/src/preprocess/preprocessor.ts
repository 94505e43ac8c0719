// A fitted preprocessor: turns rows into the model's input matrix and labels into its targets, the
// same way in training and in the serving runtime, and saves to / loads from plain JSON.
import { UserError } from '../errors/user-error'
import { describeValue } from '../values/read-cell-value'
import type { ColumnEncoder } from './column-encoder'
import { createColumnEncoder } from './create-column-encoder'
import { encodeLabels } from './encode-labels'
import { parsePreprocessorState } from './parse-preprocessor-state'
import type { PreprocessorState } from './preprocessor-state'

interface PlacedEncoder {
  encoder: ColumnEncoder
  /** Where its outputs start in a row of the matrix. */
  offset: number
  /** Where its field is in a row given as values (featureNames order); -1 when it is not a feature. */
  position: number
}

export class Preprocessor {
  /** Number of outputs per row. */
  readonly width: number
  /** One name per output: 'sepal_length', 'color=red', 'subject#17'. */
  readonly outputNames: string[]
  /** The input fields it reads, in the schema's order: the order of array rows in serving. */
  readonly featureNames: readonly string[]
  readonly #state: PreprocessorState
  readonly #encoders: ReadonlyArray<PlacedEncoder>

  // Private so every instance comes from a validated state: fitPreprocessor and fromJSON.
  private constructor(state: PreprocessorState) {
    this.#state = state
    this.featureNames = state.features.map((feature) => feature.name)
    let offset = 0
    this.#encoders = state.columns.map((column) => {
      const encoder = createColumnEncoder(column)
      const placed = { encoder, offset, position: this.featureNames.indexOf(encoder.name) }
      offset += encoder.outputNames.length
      return placed
    })
    this.width = offset
    this.outputNames = this.#encoders.flatMap(({ encoder }) => encoder.outputNames)
  }

  /**
   * Validates saved state (e.g. JSON.parse of preprocessor.json) and builds the preprocessor from it.
   * `source` names where the JSON came from in error messages.
   */
  static fromJSON(json: unknown, source?: string): Preprocessor {
    return new Preprocessor(parsePreprocessorState(json, source))
  }

  /**
   * Row-major matrix of rows.length x width. Accepts typed records and raw serving input alike
   * (numbers or numeric strings for numeric columns); columns not in the schema are ignored. A value
   * of the wrong type fails with a UserError naming the row (counting from 0) and the field.
   */
  transform(rows: ReadonlyArray<Record<string, unknown>>): Float32Array {
    const out = new Float32Array(rows.length * this.width)
    rows.forEach((row: unknown, index) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        throw new UserError({
          input: `row ${index} (counting from 0)`,
          problem: `${describeValue(row)} is not an object`,
          expected: `an object with the fields ${this.featureNames.join(', ')}`,
        })
      }
      const base = index * this.width
      for (const placed of this.#encoders) {
        // Own properties only: a field named 'constructor' must not read Object.prototype.constructor.
        const { name } = placed.encoder
        const raw = Object.hasOwn(row, name) ? (row as Record<string, unknown>)[name] : undefined
        this.#encode(placed, raw, out, base, index)
      }
    })
    return out
  }

  /**
   * The same for rows of values in featureNames order (CSV lines, JSON `instances` lists), read in
   * place instead of through a record per row; the caller checks each row's length first.
   */
  transformValues(rows: ReadonlyArray<readonly unknown[]>): Float32Array {
    const out = new Float32Array(rows.length * this.width)
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as readonly unknown[]
      const base = index * this.width
      for (const placed of this.#encoders) this.#encode(placed, row[placed.position], out, base, index)
    }
    return out
  }

  #encode(placed: PlacedEncoder, raw: unknown, out: Float32Array, base: number, index: number): void {
    const failure = placed.encoder.encode(raw, out, base + placed.offset)
    if (failure) {
      throw new UserError({
        input: `row ${index} (counting from 0), field '${placed.encoder.name}'`,
        problem: failure.problem,
        expected: failure.expected,
      })
    }
  }

  /** Class indices (Int32Array) for a class label, the values (Float32Array) for a numeric one. */
  encodeLabels(values: ReadonlyArray<unknown>): Int32Array | Float32Array {
    return encodeLabels(this.#state.label, values)
  }

  /** The classes in output order, or null for a numeric label. */
  classes(): readonly string[] | null {
    return this.#state.label.kind === 'class' ? this.#state.label.classes : null
  }

  /** A copy, so callers cannot change a fitted preprocessor by editing what they got. */
  toJSON(): PreprocessorState {
    return structuredClone(this.#state)
  }
}
