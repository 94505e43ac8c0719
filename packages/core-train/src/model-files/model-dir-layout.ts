// The file names of a saved tfjs layers model: the layout tfjs-node's file:// handler and the tfjs
// converter use, so `tf.loadLayersModel('file://…/model.json')` in the runtime image reads it too.
export const MODEL_JSON = 'model.json'
export const WEIGHTS_BIN = 'weights.bin'
