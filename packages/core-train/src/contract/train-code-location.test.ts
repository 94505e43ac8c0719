import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { trainEntryPath } from './train-code-location'

describe('trainEntryPath', () => {
  it('takes the code channel when the SageMaker executor sent one', () => {
    const root = mkdtempSync(join(tmpdir(), 'sagepack-opt-ml-'))
    mkdirSync(join(root, 'input', 'data', 'code'), { recursive: true })
    writeFileSync(join(root, 'input', 'data', 'code', 'train.mjs'), 'export default {}\n')
    expect(trainEntryPath({ SAGEMAKER_BASE_DIR: root })).toBe(
      join(root, 'input', 'data', 'code', 'train.mjs'),
    )
  })

  it('falls back to /opt/ml/code/train.mjs without a code channel', () => {
    const root = mkdtempSync(join(tmpdir(), 'sagepack-opt-ml-'))
    expect(trainEntryPath({ SAGEMAKER_BASE_DIR: root })).toBe('/opt/ml/code/train.mjs')
    // Under /opt/ml itself (the container), the channel path is looked for there.
    const looked: string[] = []
    trainEntryPath({}, (path) => {
      looked.push(path)
      return false
    })
    expect(looked).toEqual(['/opt/ml/input/data/code/train.mjs'])
  })

  it('lets SAGEPACK_TRAIN_ENTRY override both (the local executor runs the TypeScript source)', () => {
    expect(trainEntryPath({ SAGEPACK_TRAIN_ENTRY: '/src/models/iris/train/index.ts' }, () => true)).toBe(
      '/src/models/iris/train/index.ts',
    )
  })
})
