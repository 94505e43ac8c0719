// How a predictor holds its weights, chosen per model by the serving plan (runtime/serving-plan.ts)
// and handed to every worker thread.

export interface PredictorOptions {
  /**
   * `shared`: onnxruntime maps model.onnx.data from the file and runs on it as it is (prepacking off),
   * so every worker's session uses the same pages of the page cache. `private`: each session
   * prepacks its own copy of the weights for the CPU's kernels (faster matrix products, a copy each).
   */
  weights: 'shared' | 'private'
  /** onnxruntime's intra-op threads per session. */
  intraOpThreads: number
}
