import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { text } from 'node:stream/consumers'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { fileDataSource } from './file-source'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-file-source-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('fileDataSource', () => {
  it('lists one file given by a path relative to baseDir, and opens it', async () => {
    await mkdir(join(dir, 'data'))
    await writeFile(join(dir, 'data', 'train.csv'), 'a\n1\n')
    const source = fileDataSource('data/train.csv', { baseDir: dir })
    expect(source.uri).toBe('data/train.csv')
    const objects = await source.list()
    expect(objects.map(({ name, size }) => ({ name, size }))).toEqual([
      { name: join(dir, 'data', 'train.csv'), size: 4 },
    ])
    expect(await text(await (objects[0]?.open() ?? Promise.reject(new Error('no object'))))).toBe('a\n1\n')
  })

  it('lists every file of a folder at any depth in sorted order, without hidden ones', async () => {
    await mkdir(join(dir, 'b'))
    await mkdir(join(dir, '.cache'))
    await writeFile(join(dir, 'c.csv'), 'x')
    await writeFile(join(dir, 'a.csv'), 'x')
    await writeFile(join(dir, 'b', 'part-1.csv'), 'x')
    await writeFile(join(dir, 'b', '.part-1.csv.crc'), 'x')
    await writeFile(join(dir, '.cache', 'old.csv'), 'x')
    await writeFile(join(dir, 'B.csv'), 'x')
    await symlink(dir, join(dir, 'b', 'loop'))
    const objects = await fileDataSource(dir).list()
    expect(objects.map((object) => object.name)).toEqual([
      join(dir, 'B.csv'),
      join(dir, 'a.csv'),
      join(dir, 'b', 'part-1.csv'),
      join(dir, 'c.csv'),
    ])
  })

  it('takes a file:// URI', async () => {
    await writeFile(join(dir, 'train.jsonl'), '{}\n')
    const uri = pathToFileURL(join(dir, 'train.jsonl')).href
    const objects = await fileDataSource(uri, { baseDir: '/elsewhere' }).list()
    expect(objects.map((object) => object.name)).toEqual([join(dir, 'train.jsonl')])
  })

  it('names the path and where it was looked for when it does not exist', async () => {
    const listing = fileDataSource('data/missing.csv', { baseDir: dir }).list()
    await expect(listing).rejects.toBeInstanceOf(UserError)
    await expect(listing).rejects.toThrow(
      [
        'data/missing.csv: no such file or folder',
        '  expected: a CSV or JSONL file, or a folder of them',
        `  fix: check the path; "data/missing.csv" was resolved to ${join(dir, 'data', 'missing.csv')}`,
      ].join('\n'),
    )
  })

  it('refuses a file URI with a host', () => {
    expect(() => fileDataSource('file://data/train.csv')).toThrow(
      /^file:\/\/data\/train\.csv: is not a usable file URI \(.+\)\n {2}expected: file:\/\/\/absolute\/path/,
    )
  })

  it('fails as a UserError when a listed file is gone before it is opened', async () => {
    await writeFile(join(dir, 'a.csv'), 'x')
    const [object] = await fileDataSource(dir).list()
    await rm(join(dir, 'a.csv'))
    await expect(object?.open()).rejects.toThrow(`${join(dir, 'a.csv')}: no such file or folder`)
  })
})
