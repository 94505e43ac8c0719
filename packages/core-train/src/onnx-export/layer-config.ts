// Typed reads of a layer's serialized config (`getConfig()`), which is all the exporter needs to
// know about a layer besides its weights; a surprising value is a bug here, not a user error.
import type * as tf from '@tensorflow/tfjs'

export function configValue(layer: tf.layers.Layer, key: string): unknown {
  return layer.getConfig()[key]
}

export function configNumber(layer: tf.layers.Layer, key: string, fallback?: number): number {
  const value = configValue(layer, key) ?? fallback
  if (typeof value !== 'number') throw configError(layer, key, 'a number', value)
  return value
}

export function configString(layer: tf.layers.Layer, key: string): string {
  const value = configValue(layer, key)
  if (typeof value !== 'string') throw configError(layer, key, 'a string', value)
  return value
}

function configError(layer: tf.layers.Layer, key: string, expected: string, value: unknown): Error {
  return new Error(
    `layer "${layer.name}" (${layer.getClassName()}): config.${key} is ${JSON.stringify(value)}, expected ${expected}`,
  )
}
