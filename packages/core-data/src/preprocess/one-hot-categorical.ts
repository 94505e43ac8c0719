// Categorical columns: one output per known category, 1 for the row's category and 0 elsewhere. A
// category not seen in training (or a missing one) gives all zeros rather than an error, because
// serving must answer for values the training data never had.
import type { CategoricalFeature } from '../schema/feature-schema'
import { readString } from '../values/read-cell-value'
import type { ColumnEncoder } from './column-encoder'
import type { CategoricalColumnState } from './preprocessor-state'

/** The schema's categories when it declares them (in its order), else the ones seen, sorted. */
export function fitCategoricalColumn(
  feature: CategoricalFeature,
  seen: Iterable<string>,
): CategoricalColumnState {
  const categories = feature.categories
    ? [...new Set(feature.categories)]
    : // Code-unit order, not localeCompare: output positions must not depend on the machine's locale.
      [...new Set(seen)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return { kind: 'categorical', name: feature.name, categories }
}

export function categoricalEncoder(state: CategoricalColumnState): ColumnEncoder {
  const positions = new Map(state.categories.map((category, index) => [category, index]))
  return {
    name: state.name,
    outputNames: state.categories.map((category) => `${state.name}=${category}`),
    encode(raw, out, offset) {
      const read = readString(raw)
      if (!read.ok) return read
      const position = read.value === null ? undefined : positions.get(read.value)
      if (position !== undefined) out[offset + position] = 1
      return null
    },
  }
}
