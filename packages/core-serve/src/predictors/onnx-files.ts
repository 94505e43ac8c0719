// The files an ONNX bundle keeps its weights in, as core-train's export writes them.

export const ONNX_MODEL_FILE = 'model.onnx'
/** Big weights (ONNX external data), beside model.onnx: see core-train's external-data.ts. */
export const ONNX_EXTERNAL_DATA_FILE = 'model.onnx.data'
