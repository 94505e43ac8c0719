import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import type { DatasetSchema } from '../schema/feature-schema'
import type { DataSource } from '../sources/data-source'
import { registerDataSourceScheme } from '../sources/resolve-data-source'
import { readDataset } from './read-dataset'

const schema: DatasetSchema = {
  features: [
    { name: 'sepal_length', kind: 'numeric' },
    { name: 'color', kind: 'categorical', categories: ['red', 'blue'] },
  ],
  label: { name: 'species', kind: 'class', classes: ['setosa', 'virginica'] },
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-read-dataset-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await mkdir(join(path, '..'), { recursive: true })
  await writeFile(path, text)
  return path
}

async function errorOf(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error('expected readDataset to fail')
}

describe('readDataset', () => {
  it('types CSV rows, keeps missing values as null and ignores extra columns', async () => {
    const path = await write(
      'train.csv',
      'species,sepal_length,extra,color\nsetosa,5.1,x,red\nvirginica,NA,y,\n,"6",z,blue\n',
    )
    expect(await readDataset('train.csv', schema, { baseDir: dir })).toEqual([
      { source: path, line: 2, values: { sepal_length: 5.1, color: 'red', species: 'setosa' } },
      { source: path, line: 3, values: { sepal_length: null, color: null, species: 'virginica' } },
      { source: path, line: 4, values: { sepal_length: 6, color: 'blue', species: null } },
    ])
  })

  it('reports a value that does not fit with its file, line and column', async () => {
    const path = await write(
      'train.csv',
      'sepal_length,color,species\n5.1,red,setosa\n4.9,"dark\nred",setosa\n5.0,blue,setosa\nabc,blue,setosa\n',
    )
    const error = await errorOf(readDataset(path, schema))
    expect(error.message).toBe(
      [
        `${path}: 2 values in 2 rows do not fit the schema:`,
        `    ${path}:3, column color: expected one of "red", "blue", got "dark\\nred"`,
        `    ${path}:6, column sepal_length: expected a number, got "abc"`,
        '  expected: numbers in numeric columns; in columns that list categories or classes, one of those',
        "  fix: correct or remove these rows (leave a cell empty for a missing value), or change the model's schema if the data is right",
      ].join('\n'),
    )
  })

  it('names the file, the missing columns and the columns found when the header lacks some', async () => {
    const path = await write('train.csv', 'Sepal Length,colour,label\n5.1,red,setosa\n')
    const error = await errorOf(readDataset(path, schema))
    expect(error.message).toBe(
      [
        `${path}:1: the header lacks columns sepal_length, color, species (found: Sepal Length, colour, label)`,
        "  expected: columns sepal_length, color, species (the schema's features and label; names are case-sensitive)",
        '  fix: rename "Sepal Length" for "sepal_length", or change the schema',
      ].join('\n'),
    )
  })

  it('checks the header of a file without rows', async () => {
    const path = await write('train.csv', 'sepal_length,species\n')
    const error = await errorOf(readDataset(path, schema))
    expect(error.input).toBe(`${path}:1`)
    expect(error.problem).toBe('the header lacks column color (found: sepal_length, species)')
  })

  it('reads JSONL, and names the line of an object that lacks a column', async () => {
    const path = await write(
      'train.jsonl',
      '{"sepal_length": 5.1, "color": "red", "species": "setosa"}\n\n{"sepal_length": null, "color": "blue"}\n',
    )
    const error = await errorOf(readDataset(path, schema))
    expect(error.input).toBe(`${path}:3`)
    expect(error.problem).toBe('the object lacks column species (found: sepal_length, color)')
  })

  it('fails at a JSONL line that is not JSON', async () => {
    const path = await write(
      'train.ndjson',
      '{"sepal_length": 1, "color": "red", "species": "setosa"}\n{"sepal_length": \n',
    )
    const error = await errorOf(readDataset(path, schema))
    expect(error.input).toBe(`${path}:2`)
    expect(error.problem).toMatch(/^not valid JSON/)
  })

  it('reads every file of a folder in sorted order, mixing formats, skipping hidden and empty files', async () => {
    const b = await write('train/b.csv', 'sepal_length,color,species\n2,red,setosa\n')
    const a = await write('train/a.jsonl', '{"sepal_length": 1, "color": "blue", "species": "virginica"}\n')
    const c = await write('train/sub/c.csv', 'species,color,sepal_length\nsetosa,blue,3\n')
    await write('train/.hidden.csv', 'broken')
    await write('train/_SUCCESS', '')
    const records = await readDataset(pathToFileURL(join(dir, 'train')).href, schema)
    expect(records.map((record) => [record.source, record.line, record.values.sepal_length])).toEqual([
      [a, 1, 1],
      [b, 2, 2],
      [c, 2, 3],
    ])
  })

  it('takes the format from a content type for files without an extension', async () => {
    const path = await write('channel/part-00000', 'sepal_length,color,species\n1,red,setosa\n')
    const records = await readDataset(join(dir, 'channel'), schema, { contentType: 'text/csv' })
    expect(records).toEqual([
      { source: path, line: 2, values: { sepal_length: 1, color: 'red', species: 'setosa' } },
    ])
  })

  it('collects violations across files and lists at most maxReportedViolations', async () => {
    const rows = (values: string[]) =>
      `sepal_length,color,species\n${values.map((v) => `${v},red,setosa`).join('\n')}\n`
    const first = await write('train/1.csv', rows(['x1', '1', 'x2']))
    await write('train/2.csv', rows(['x3', 'x4', 'x5']))
    const error = await errorOf(readDataset(join(dir, 'train'), schema, { maxReportedViolations: 3 }))
    expect(error.input).toBe(join(dir, 'train'))
    expect(error.problem).toBe(
      [
        '5 values in 5 rows do not fit the schema:',
        `${first}:2, column sepal_length: expected a number, got "x1"`,
        `${first}:4, column sepal_length: expected a number, got "x2"`,
        `${join(dir, 'train', '2.csv')}:2, column sepal_length: expected a number, got "x3"`,
        '(and 2 more)',
      ].join('\n    '),
    )
  })

  it('lists twenty violations by default', async () => {
    const path = await write('train.csv', `sepal_length,color,species\n${'bad,red,setosa\n'.repeat(25)}`)
    const error = await errorOf(readDataset(path, schema))
    const lines = error.problem.split('\n')
    expect(lines[0]).toBe('25 values in 25 rows do not fit the schema:')
    expect(lines[20]).toBe(`    ${path}:21, column sepal_length: expected a number, got "bad"`)
    expect(lines[21]).toBe('    (and 5 more)')
    expect(lines).toHaveLength(22)
  })

  it('stops at a CSV syntax error with its line', async () => {
    const path = await write('train.csv', 'sepal_length,color,species\n1,"red\nish",setosa\n2,red\n')
    const error = await errorOf(readDataset(path, schema))
    expect(error.input).toBe(`${path}:4, column species`)
  })

  it('refuses a folder without data files', async () => {
    await mkdir(join(dir, 'empty'))
    await write('empty/.keep', '')
    const error = await errorOf(readDataset('empty', schema, { baseDir: dir }))
    expect(error.message).toBe(
      [
        'empty: holds no data files',
        '  expected: at least one CSV or JSONL file (names starting with "." are skipped)',
        '  fix: check the location, or put the data files there',
      ].join('\n'),
    )
  })

  it('decides every format before reading, so a stray file fails first', async () => {
    await write('train/a.csv', 'sepal_length,color,species\nbad,red,setosa\n')
    await write('train/notes.txt', 'hello')
    const error = await errorOf(readDataset(join(dir, 'train'), schema))
    expect(error.input).toBe(join(dir, 'train', 'notes.txt'))
  })

  it('reads any DataSource, including one registered for a scheme', async () => {
    const memory = (uri: string): DataSource => ({
      uri,
      list: async () => [
        {
          name: `${uri}part-0.jsonl`,
          open: async () => Readable.from(['{"sepal_length": "1", "species": "setosa",', ' "color": 3}\n']),
        },
      ],
    })
    const unregister = registerDataSourceScheme('mem', memory)
    try {
      const error = await errorOf(readDataset('mem://train/', schema))
      expect(error.problem).toBe(
        '1 value in 1 row does not fit the schema:\n    mem://train/part-0.jsonl:1, column color: expected one of "red", "blue", got 3',
      )
    } finally {
      unregister()
    }
  })
})
