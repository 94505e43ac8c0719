import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { type JsonlRow, readJsonl } from './read-jsonl'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-read-jsonl-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function readFile(text: string): Promise<{ path: string; rows: JsonlRow[] }> {
  const path = join(dir, 'data.jsonl')
  await writeFile(path, text)
  const rows: JsonlRow[] = []
  for await (const row of readJsonl(createReadStream(path), path)) rows.push(row)
  return { path, rows }
}

async function errorOf(text: string): Promise<{ path: string; error: UserError }> {
  const path = join(dir, 'data.jsonl')
  try {
    await readFile(text)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return { path, error: error as UserError }
  }
  throw new Error('expected readJsonl to fail')
}

describe('readJsonl', () => {
  it('reads one object per line, skipping blank lines, with each line number', async () => {
    const { rows } = await readFile('\uFEFF{"a": 1}\r\n\r\n  \n{"a": "x", "b": null}\n')
    expect(rows).toEqual([
      { line: 1, fields: { a: 1 } },
      { line: 4, fields: { a: 'x', b: null } },
    ])
  })

  it('reports a line that is not JSON at its line', async () => {
    const { path, error } = await errorOf('{"a": 1}\n\n{"a": 2,}\n{"a": 3}\n')
    expect(error.input).toBe(`${path}:3`)
    expect(error.problem).toMatch(/^not valid JSON \(.+\)$/)
    expect(error.expected).toBe('one JSON object per line, e.g. {"sepal_length": 5.1, "species": "setosa"}')
  })

  it.each([
    ['[1, 2]', 'the line holds an array, not an object'],
    ['null', 'the line holds null, not an object'],
    ['"text"', 'the line holds a string, not an object'],
    ['4', 'the line holds a number, not an object'],
  ])('refuses %s as a row', async (line, problem) => {
    const { path, error } = await errorOf(`{"a": 1}\n${line}\n`)
    expect(error.input).toBe(`${path}:2`)
    expect(error.problem).toBe(problem)
  })
})
