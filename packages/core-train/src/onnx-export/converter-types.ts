// The two stages of converting a layer: checking it can be exported (which may throw
// UnsupportedLayerError) and then writing its nodes, so a model fails before any weight is read.
import type * as tf from '@tensorflow/tfjs'
import type { LayerGraph } from './graph-builder'

/** Writes a layer's nodes after `input` and returns the name of the tensor the layer outputs. */
export type EmitNodes = (graph: LayerGraph, input: string) => string

/** Checks one layer and returns how to emit it; throws UnsupportedLayerError if it cannot. */
export type LayerConverter = (layer: tf.layers.Layer) => EmitNodes

/** The layers that are identity at inference, or on the 2-D tensors the exporter handles. */
export const emitNothing: EmitNodes = (_graph, input) => input
