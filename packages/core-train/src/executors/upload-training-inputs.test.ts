import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { s3RootedFileStore } from '../testing/s3-rooted-file-store'
import { trainingJobKeys } from './sagemaker-job-keys'
import { uploadTrainingInputs } from './upload-training-inputs'

function codeFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sagepack-code-')), 'train.mjs')
  writeFileSync(file, 'export default {}\n')
  return file
}

describe('uploadTrainingInputs', () => {
  it('uploads a folder channel with its sub-folders, keeps s3:// channels, adds the code channel', async () => {
    const data = mkdtempSync(join(tmpdir(), 'sagepack-data-'))
    mkdirSync(join(data, 'part-2'))
    writeFileSync(join(data, 'part-1.csv'), 'a\n1\n')
    writeFileSync(join(data, 'part-2', 'rows.csv'), 'a\n2\n')
    const store = s3RootedFileStore('s3://bucket/')
    const printed: string[] = []
    const channels = await uploadTrainingInputs({
      store,
      keys: trainingJobKeys('iris', 'r1'),
      channels: {
        train: { uri: pathToFileURL(data).href, contentType: 'text/csv' },
        test: { uri: 's3://shared-data/iris/test/', contentType: 'text/csv' },
      },
      codeFile: codeFile(),
      print: (line) => printed.push(line),
    })
    expect(channels).toEqual({
      train: { uri: 's3://bucket/training/iris/r1/input/train/', contentType: 'text/csv' },
      test: { uri: 's3://shared-data/iris/test/', contentType: 'text/csv' },
      code: { uri: 's3://bucket/training/iris/r1/code/' },
    })
    expect((await store.list('')).map((object) => object.key)).toEqual([
      'training/iris/r1/code/train.mjs',
      'training/iris/r1/input/train/part-1.csv',
      'training/iris/r1/input/train/part-2/rows.csv',
    ])
    expect(printed[0]).toBe(
      'uploaded channel train: 2 files, 8 bytes -> s3://bucket/training/iris/r1/input/train/',
    )
  })

  it('refuses an empty folder, a missing path and a channel named "code"', async () => {
    const store = s3RootedFileStore('s3://bucket/')
    const upload = (channels: Record<string, { uri: string }>) =>
      uploadTrainingInputs({
        store,
        keys: trainingJobKeys('iris', 'r1'),
        channels,
        codeFile: codeFile(),
        print: () => {},
      })
    const empty = mkdtempSync(join(tmpdir(), 'sagepack-empty-'))
    await expect(upload({ train: { uri: pathToFileURL(empty).href } })).rejects.toThrow(/is an empty folder/)
    await expect(upload({ train: { uri: pathToFileURL(join(empty, 'nope.csv')).href } })).rejects.toThrow(
      /does not exist/,
    )
    await expect(upload({ code: { uri: 's3://bucket/x/' } })).rejects.toThrow(
      /the channel name "code" is taken/,
    )
    expect(await store.list('')).toEqual([])
  })
})
