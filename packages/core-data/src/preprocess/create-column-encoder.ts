// Picks the encoder for a fitted column by its kind: the one place that maps state to behaviour.
import type { ColumnEncoder } from './column-encoder'
import { textEncoder } from './hashed-text'
import { categoricalEncoder } from './one-hot-categorical'
import type { ColumnState } from './preprocessor-state'
import { numericEncoder } from './standardize-numeric'

export function createColumnEncoder(state: ColumnState): ColumnEncoder {
  switch (state.kind) {
    case 'numeric':
      return numericEncoder(state)
    case 'categorical':
      return categoricalEncoder(state)
    case 'text':
      return textEncoder(state)
  }
}
