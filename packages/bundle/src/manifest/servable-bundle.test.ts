import { describe, expect, it } from 'vitest'
import { SAMPLE_MANIFEST_HEADER } from '../testing/sample-manifest-header'
import type { BundleManifest } from './bundle-manifest'
import { entryProblem, servableBundleProblems } from './servable-bundle'

const file = (path: string) => ({ path, sha256: 'a'.repeat(64), size: 1 })

const SOUND: BundleManifest = {
  ...SAMPLE_MANIFEST_HEADER,
  files: [file('code/inference.mjs'), file('config.json'), file('model.onnx')],
}

describe('servableBundleProblems', () => {
  it('passes a bundle as `sagepack bundle` writes it, with or without handler code', () => {
    expect(servableBundleProblems(SOUND)).toEqual([])
    expect(servableBundleProblems({ ...SOUND, files: [file('config.json'), file('model.onnx')] })).toEqual([])
    expect(
      servableBundleProblems({
        ...SOUND,
        modelFormat: 'tfjs',
        files: [file('config.json'), file('model.json'), file('weights.bin')],
      }),
    ).toEqual([])
  })

  it('names an entry outside the bundle, an entry that is a folder, and missing config or weights', () => {
    expect(servableBundleProblems({ ...SOUND, entry: '../../etc/inference.mjs' })).toEqual([
      `its 'entry' "../../etc/inference.mjs" points outside the bundle (the path contains \`..\`, which would point outside the bundle)`,
    ])
    expect(servableBundleProblems({ ...SOUND, entry: '/opt/code.mjs' })).toEqual([
      `its 'entry' "/opt/code.mjs" points outside the bundle (the path is absolute)`,
    ])
    expect(servableBundleProblems({ ...SOUND, entry: 'code', files: [...SOUND.files] })).toEqual([
      `its 'entry' "code" is a folder, not a module`,
    ])
    expect(servableBundleProblems({ ...SOUND, modelFormat: 'tfjs', files: [file('model.onnx')] })).toEqual([
      'it has no config.json (the resolved model config the runtime reads)',
      "it has no model.json, which modelFormat 'tfjs' loads",
    ])
  })
})

describe('entryProblem', () => {
  it('accepts a relative path inside the bundle only', () => {
    expect(entryProblem('code/inference.mjs')).toBeUndefined()
    expect(entryProblem('code\\..\\..\\x.mjs')).toMatch(
      /points outside the bundle \(the path contains a backslash\)/,
    )
  })
})
