// POST /invocations on a real bundle with a request schema: one validation rule for JSON, CSV and
// JSON Lines, warnings beside the predictions or in headers, and Server-Timing on every answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  IRIS_FEATURES,
  IRIS_ROWS,
  IRIS_TRAINING_RANGES,
  removeModelDirs,
  writeModelDir,
} from '../model-dir/test-fixtures/write-model-dir'
import { createInProcessRunner } from '../workers/in-process-runner'
import { createInferenceServer, type InferenceServer } from './inference-server'

let server: { handle: InferenceServer; url: string }
beforeAll(async () => {
  const { dir } = await writeModelDir({ withSchema: true })
  const handle = createInferenceServer(await createInProcessRunner(dir))
  server = { handle, url: `http://127.0.0.1:${await handle.listen(0, '127.0.0.1')}` }
})
afterAll(async () => {
  await server.handle.close(0)
  await removeModelDirs()
})

const TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  jsonl: 'application/jsonlines',
} as const

async function invoke(body: string, contentType: string, accept = 'application/json') {
  const response = await fetch(`${server.url}/invocations`, {
    method: 'POST',
    headers: { 'content-type': contentType, accept },
    body,
  })
  return { response, text: await response.text() }
}

/** The same rows in every request format the runtime reads. */
function asEveryFormat(rows: ReadonlyArray<Record<string, unknown>>): Array<[string, string, string]> {
  const values = rows.map((row) => IRIS_FEATURES.map((name) => row[name]))
  return [
    ['JSON objects', JSON.stringify({ instances: rows }), TYPES.json],
    ['JSON arrays', JSON.stringify({ instances: values }), TYPES.json],
    [
      'CSV',
      values
        .map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))).join(','))
        .join('\n'),
      TYPES.csv,
    ],
    ['JSON Lines', rows.map((row) => JSON.stringify(row)).join('\n'), TYPES.jsonl],
  ]
}

describe('one validation rule for every request format', () => {
  it('answers the same rows with the same predictions and warnings whatever the format', async () => {
    const rows = [IRIS_ROWS[0], { ...IRIS_ROWS[1], petal_length: 9.5 }, IRIS_ROWS[2]] as Array<
      Record<string, number>
    >
    const answers = []
    for (const [, body, type] of asEveryFormat(rows)) {
      const { response, text } = await invoke(body, type)
      expect(response.status, text).toBe(200)
      answers.push(JSON.parse(text))
    }
    expect(answers[0].predictions).toHaveLength(3)
    expect(answers[0].warnings).toEqual([
      {
        row: 1,
        field: 'petal_length',
        message: `9.5 is above the range seen in training (${IRIS_TRAINING_RANGES.petal_length.min} to ${IRIS_TRAINING_RANGES.petal_length.max}); the answer is an extrapolation`,
      },
    ])
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0])
  })

  it.each([
    ['CSV NaN', 'NaN,3.5,1.4,0.2', TYPES.csv, 'is "NaN", which means missing'],
    ['CSV empty field', ',3.5,1.4,0.2', TYPES.csv, 'is empty'],
    [
      'JSON null',
      '{"instances": [{"sepal_length": null, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}]}',
      TYPES.json,
      'is null',
    ],
    ['JSON array null', '[[null, 3.5, 1.4, 0.2]]', TYPES.json, 'is null'],
    [
      'JSON Lines without the field',
      '{"sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}',
      TYPES.jsonl,
      'is missing',
    ],
  ])(
    'refuses a required feature left out (%s) with a 400 naming the row, the field and the fix',
    async (_, body, type, problem) => {
      const { response, text } = await invoke(body, type)
      expect(response.status).toBe(400)
      const { error } = JSON.parse(text)
      expect(error).toEqual({
        status: 400,
        row: 0,
        field: 'sepal_length',
        message:
          `row 0 (counting from 0), field 'sepal_length': ${problem}\n` +
          `  expected: a number; training saw ${IRIS_TRAINING_RANGES.sepal_length.min} to ${IRIS_TRAINING_RANGES.sepal_length.max}\n` +
          '  fix: send sepal_length in every row: iris never saw it missing in training, so it does not guess a value for it',
      })
    },
  )

  it('names a field that is not a feature in the warnings, and answers', async () => {
    const { response, text } = await invoke(
      JSON.stringify({ instances: [{ ...IRIS_ROWS[0], colour: 'blue' }] }),
      TYPES.json,
    )
    expect(response.status).toBe(200)
    expect(JSON.parse(text).warnings).toEqual([
      { field: 'colour', message: 'is not a feature of iris; ignored (row 0, counting from 0)' },
    ])
  })

  it('carries the warnings of a CSV or JSON Lines answer in headers, its body unchanged', async () => {
    const plain = await invoke('5.0,3.4,1.5,0.2\n', TYPES.csv, TYPES.csv)
    expect(plain.response.headers.get('x-sagepack-warning-count')).toBeNull()
    expect(plain.response.headers.get('x-sagepack-warnings')).toBeNull()
    const outside = await invoke('5.0,3.4,1.5,0.2\n5.0,9.0,1.5,0.2\n', TYPES.csv, TYPES.csv)
    expect(outside.response.status).toBe(200)
    expect(outside.text.split('\n')[0]).toBe(plain.text.trim())
    expect(outside.text.trim().split('\n')).toHaveLength(2)
    expect(outside.response.headers.get('x-sagepack-warning-count')).toBe('1')
    expect(JSON.parse(outside.response.headers.get('x-sagepack-warnings') ?? '')).toEqual([
      {
        row: 1,
        field: 'sepal_width',
        message: `9 is above the range seen in training (${IRIS_TRAINING_RANGES.sepal_width.min} to ${IRIS_TRAINING_RANGES.sepal_width.max}); the answer is an extrapolation`,
      },
    ])
    const lines = await invoke('[5.0,9.0,1.5,0.2]\n', TYPES.jsonl, TYPES.jsonl)
    expect(lines.response.headers.get('x-sagepack-warning-count')).toBe('1')
    expect(lines.text.trim().split('\n')).toHaveLength(1)
  })
})

describe('Server-Timing', () => {
  const parse = (header: string | null) =>
    Object.fromEntries(
      (header ?? '').split(', ').map((entry) => {
        const [name, duration] = entry.split(';dur=')
        return [name, Number(duration)]
      }),
    )

  it('times every stage of an answer, and the stages fit in the total', async () => {
    const { response } = await invoke(JSON.stringify({ instances: IRIS_ROWS }), TYPES.json)
    const timing = parse(response.headers.get('server-timing'))
    expect(Object.keys(timing)).toEqual([
      'read',
      'queue',
      'hop',
      'decode',
      'validate',
      'preprocess',
      'predict',
      'postprocess',
      'encode',
      'total',
    ])
    for (const value of Object.values(timing)) expect(value as number).toBeGreaterThanOrEqual(0)
    expect(timing.predict).toBeGreaterThan(0)
    const stages = Object.entries(timing).filter(([name]) => name !== 'total')
    expect(stages.reduce((sum, [, value]) => sum + (value as number), 0)).toBeLessThanOrEqual(
      (timing.total as number) + 0.01,
    )
  })

  it('gives a refused request its total', async () => {
    const { response } = await invoke('NaN,3.5,1.4,0.2', TYPES.csv)
    expect(response.status).toBe(400)
    expect(response.headers.get('server-timing')).toMatch(/^total;dur=\d+\.\d{3}$/)
    const unsupported = await invoke('x', 'text/plain')
    expect(unsupported.response.status).toBe(415)
    expect(unsupported.response.headers.get('server-timing')).toMatch(/^total;dur=\d+\.\d{3}$/)
  })
})
