// Convict formats the built-in ones lack. convict calls a format function with the value and reports
// what it throws under the key, so a bad value fails when the config is resolved, before any data is read.

/** A whole number of at least 1: batch sizes, checkpoint intervals, layer sizes. */
export function positiveInteger(value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new Error('must be a whole number of at least 1')
  }
}
