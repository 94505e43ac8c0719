// SageMaker hyperparameters travel as strings; decode and encode them the way the SageMaker
// training toolkit does, so a value means the same thing locally and on SageMaker.

/** JSON-decode a hyperparameter when it is valid JSON (`"0.01"` -> 0.01, `"[16,8]"` -> [16, 8]), else keep the string. */
export function decodeHyperparameter(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

export function decodeHyperparameters(raw: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, decodeHyperparameter(value)]))
}

/**
 * JSON-encode every value, strings included: a string such as "123" must come back as a string, not
 * a number, after decodeHyperparameter on the other side.
 */
export function encodeHyperparameter(value: unknown): string {
  return JSON.stringify(value)
}

/** Keys the runtime reads for itself (SageMaker's and ours); they are not model config keys. */
export function isReservedHyperparameter(key: string): boolean {
  return key.startsWith('sagemaker_') || key.startsWith('sagepack_')
}
