// Optimizer state that getWeights()/setWeights() do not carry exactly. Adam's setWeights recomputes its
// bias-correction powers as beta^(t+1), while training keeps a running product; the two differ in the
// last float32 bit, which is enough for a resumed run to drift from an uninterrupted one. These values
// are read and put back as they are.
import * as tf from '@tensorflow/tfjs'

/** Private fields of tfjs's AdamOptimizer (Adamax has accBeta1 too, but no setWeights at all). */
const FIELDS = ['accBeta1', 'accBeta2'] as const

interface ScalarVariable {
  dataSync(): ArrayLike<number>
  assign(value: tf.Tensor): void
  shape: number[]
}

export function readOptimizerExtras(optimizer: tf.Optimizer): Record<string, number> {
  const extras: Record<string, number> = {}
  for (const field of FIELDS) {
    const variable = scalarVariable(optimizer, field)
    if (variable) extras[field] = variable.dataSync()[0] as number
  }
  return extras
}

export function writeOptimizerExtras(optimizer: tf.Optimizer, extras: Record<string, number>): void {
  for (const field of FIELDS) {
    const variable = scalarVariable(optimizer, field)
    const value = extras[field]
    if (!variable || value === undefined) continue
    const tensor = tf.scalar(value, 'float32')
    variable.assign(tensor)
    tensor.dispose()
  }
}

function scalarVariable(optimizer: tf.Optimizer, field: string): ScalarVariable | undefined {
  // Reaching into a private field: tfjs offers no public way to read it.
  const candidate = (optimizer as unknown as Record<string, unknown>)[field] as
    | Partial<ScalarVariable>
    | undefined
  const usable =
    typeof candidate?.assign === 'function' &&
    typeof candidate.dataSync === 'function' &&
    candidate.shape?.length === 0
  return usable ? (candidate as ScalarVariable) : undefined
}
