import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import type { DataSource } from './data-source'
import {
  registerDataSourceScheme,
  resolveDataSource,
  supportedDataSourceSchemes,
} from './resolve-data-source'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-resolve-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const memorySource = (uri: string): DataSource => ({
  uri,
  list: async () => [{ name: `${uri}/part-0.csv`, open: async () => Readable.from(['a\n1\n']) }],
})

describe('resolveDataSource', () => {
  it('resolves a plain path against baseDir and a file:// URI as it is', async () => {
    await writeFile(join(dir, 'train.csv'), 'a\n')
    const byPath = await resolveDataSource('train.csv', { baseDir: dir }).list()
    const byUri = await resolveDataSource(pathToFileURL(join(dir, 'train.csv')).href).list()
    expect(byPath.map((object) => object.name)).toEqual([join(dir, 'train.csv')])
    expect(byUri.map((object) => object.name)).toEqual([join(dir, 'train.csv')])
  })

  it('takes a colon without // as part of a path', () => {
    expect(resolveDataSource('C:\\data\\train.csv').uri).toBe('C:\\data\\train.csv')
  })

  it('refuses an unknown scheme, listing the supported ones', () => {
    const resolving = () => resolveDataSource('gs://bucket/train/')
    expect(resolving).toThrow(UserError)
    expect(resolving).toThrow(
      [
        'gs://bucket/train/: no data source adapter handles gs:// locations',
        '  expected: a local path or a URI starting with file://, s3://',
        '  fix: use one of those, or copy the data to a local folder and give its path',
      ].join('\n'),
    )
  })

  it('resolves s3:// out of the box', () => {
    expect(supportedDataSourceSchemes()).toEqual(['file', 's3'])
    expect(resolveDataSource('s3://my-bucket/train/').uri).toBe('s3://my-bucket/train/')
  })

  it('resolves a registered scheme until the registration is undone, restoring what it replaced', async () => {
    expect(() => resolveDataSource('mem://bucket/train/')).toThrow(
      'mem://bucket/train/: no data source adapter handles mem:// locations',
    )
    const unregister = registerDataSourceScheme('MEM', memorySource)
    const unregisterS3 = registerDataSourceScheme('s3', memorySource)
    try {
      expect(supportedDataSourceSchemes()).toEqual(['file', 'mem', 's3'])
      const source = resolveDataSource('MEM://bucket/train')
      expect(source.uri).toBe('MEM://bucket/train')
      expect((await source.list()).map((object) => object.name)).toEqual(['MEM://bucket/train/part-0.csv'])
      expect((await resolveDataSource('s3://bucket/x').list()).map((object) => object.name)).toEqual([
        's3://bucket/x/part-0.csv',
      ])
      expect(() => resolveDataSource('gs://x/')).toThrow(
        'expected: a local path or a URI starting with file://, mem://, s3://',
      )
    } finally {
      unregister()
      unregisterS3()
    }
    expect(supportedDataSourceSchemes()).toEqual(['file', 's3'])
    // The built-in s3:// source is back: it checks the bucket name, which the memory source did not.
    expect(() => resolveDataSource('s3://Not_A_Bucket/x')).toThrow(UserError)
  })

  it('refuses to register something that is not a scheme', () => {
    expect(() => registerDataSourceScheme('s3://', memorySource)).toThrow(TypeError)
  })
})
