import { describe, expect, it } from 'vitest'
import { bundleEntryVerdict } from './archive-path'

describe('bundleEntryVerdict', () => {
  it('skips safe directories and takes regular files by their bundle path', () => {
    expect(bundleEntryVerdict('Directory', './')).toEqual({ verdict: 'skip' })
    expect(bundleEntryVerdict('Directory', './code/')).toEqual({ verdict: 'skip' })
    expect(bundleEntryVerdict('File', './code/inference.mjs')).toEqual({
      verdict: 'file',
      path: 'code/inference.mjs',
    })
    expect(bundleEntryVerdict('OldFile', 'model.onnx')).toEqual({ verdict: 'file', path: 'model.onnx' })
  })

  it('refuses anything but regular files, and files at unsafe paths', () => {
    expect(bundleEntryVerdict('SymbolicLink', 'link')).toEqual({
      verdict: 'not-a-file',
      path: 'link',
      problem: 'a SymbolicLink entry, but bundles hold regular files only',
    })
    expect(bundleEntryVerdict('Directory', '../up/')).toMatchObject({ verdict: 'not-a-file' })
    expect(bundleEntryVerdict('File', '../evil.txt')).toMatchObject({
      verdict: 'unsafe-path',
      problem: expect.stringContaining('`..`'),
    })
  })
})
