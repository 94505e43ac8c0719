// Checks the matrix a handler passes to a predictor before it reaches native code, where a wrong
// length would be a cryptic shape error or, worse, a read past the rows the caller meant.

export function checkFeatureMatrix(features: Float32Array, rows: number, width: number): void {
  if (!(features instanceof Float32Array)) {
    throw new TypeError(
      `the predictor takes a Float32Array of features, got ${Object.prototype.toString.call(features)}`,
    )
  }
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`rows must be a count, got ${rows}`)
  if (features.length !== rows * width) {
    throw new RangeError(
      `the predictor takes ${rows} rows x ${width} features = ${rows * width} values, got ${features.length}`,
    )
  }
}
