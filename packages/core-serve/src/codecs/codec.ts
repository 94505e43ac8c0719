// The shape every wire format implements: request text into rows, predictions into response text.
import type { InputRow, Prediction } from '../handler/handler-api'
import type { RowWarning } from '../validation/row-warning'

export interface Codec {
  /** The media type this codec answers with when a client accepts any of its types. */
  readonly mediaType: string
  /** Every media type (lower case, no parameters) this codec reads and writes. */
  readonly mediaTypes: readonly string[]
  /** Throws a UserError naming the line or row and what was expected when the text does not fit. */
  decode(text: string): InputRow[]
  /** `warnings` go into the body where the format has room for them (JSON); the others carry them in headers. */
  encode(predictions: readonly Prediction[], warnings?: readonly RowWarning[]): string
}
