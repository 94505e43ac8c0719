import { describe, expect, it } from 'vitest'
import { keepOnnxRuntimeOffline } from './onnx-runtime-offline'

describe('keepOnnxRuntimeOffline', () => {
  it("turns onnxruntime's telemetry off, unless the operator chose a value", () => {
    const env: NodeJS.ProcessEnv = {}
    keepOnnxRuntimeOffline(env)
    expect(env.ORT_DISABLE_TELEMETRY).toBe('1')
    const chosen: NodeJS.ProcessEnv = { ORT_DISABLE_TELEMETRY: '0' }
    keepOnnxRuntimeOffline(chosen)
    expect(chosen.ORT_DISABLE_TELEMETRY).toBe('0')
  })
})
