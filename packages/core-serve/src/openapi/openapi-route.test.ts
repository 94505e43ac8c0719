// GET /openapi.json of a real bundle, checked by a well-kept OpenAPI 3.1 validator, and its schemas and
// examples checked against the real answers of /invocations with a JSON Schema 2020-12 validator.
import { dereference, validate } from '@readme/openapi-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readModelDir } from '../model-dir/read-model-dir'
import { IRIS_CLASSES, removeModelDirs, writeModelDir } from '../model-dir/test-fixtures/write-model-dir'
import { createInferenceServer, type InferenceServer } from '../server/inference-server'
import { TRY_PAGE_ASSETS_SOURCE } from '../try-page/page-assets'
import { loadTryPage } from '../try-page/try-page'
import { createInProcessRunner } from '../workers/in-process-runner'

/** An OpenAPI document read back as plain JSON; the tests walk it by the keys the spec defines. */
// biome-ignore lint/suspicious/noExplicitAny: the document's shape is what the validator checks
type OpenApiJson = any

const EXAMPLE = {
  instances: [
    [5.1, 3.5, 1.4, 0.2],
    [6.7, 3.0, 5.2, 2.3],
  ],
}

let server: InferenceServer
let url: string
let document: OpenApiJson

beforeAll(async () => {
  const { dir } = await writeModelDir({ withSchema: true, example: EXAMPLE })
  const runner = await createInProcessRunner(dir)
  server = createInferenceServer(runner, {
    tryPage: await loadTryPage(await readModelDir(dir), TRY_PAGE_ASSETS_SOURCE),
  })
  url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`
  const response = await fetch(`${url}/openapi.json`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json')
  document = await response.json()
})
afterAll(async () => {
  await server.close(0)
  await removeModelDirs()
})

async function invoke(body: string, contentType: string, accept = 'application/json') {
  const response = await fetch(`${url}/invocations`, {
    method: 'POST',
    headers: { 'content-type': contentType, accept },
    body,
  })
  return { status: response.status, text: await response.text() }
}

describe('GET /openapi.json', () => {
  it('is valid OpenAPI 3.1, and the validator refuses a broken copy of it', async () => {
    expect(document.openapi).toBe('3.1.0')
    const result = await validate(structuredClone(document))
    expect(result.valid ? [] : result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    const untitled = structuredClone(document)
    delete untitled.info.title
    expect((await validate(untitled)).valid).toBe(false)
    const bodyParameter = structuredClone(document)
    bodyParameter.paths['/invocations'].post.parameters[0].in = 'body'
    expect((await validate(bodyParameter)).valid).toBe(false)
  })

  it('describes /invocations in each content type, /ping, /execution-parameters and the page', () => {
    expect(Object.keys(document.paths)).toEqual([
      '/invocations',
      '/ping',
      '/execution-parameters',
      '/openapi.json',
      '/',
    ])
    const invoke = document.paths['/invocations'].post
    for (const part of [invoke.requestBody.content, invoke.responses['200'].content]) {
      expect(Object.keys(part)).toEqual(['application/json', 'text/csv', 'application/jsonlines'])
    }
    expect(Object.keys(invoke.responses)).toEqual(['200', '400', '406', '413', '415', '500'])
    expect(Object.keys(invoke.responses['200'].headers)).toEqual([
      'Server-Timing',
      'X-Sagepack-Warning-Count',
      'X-Sagepack-Warnings',
    ])
    expect(document.info['x-sagepack-bundle']).toMatchObject({
      model: 'iris',
      version: '1.0.0',
      runId: '20250101-000000-test',
    })
    expect(document.info['x-sagepack-bundle'].manifestSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives the example in every request format, and the model’s real answer to it', async () => {
    const content = document.paths['/invocations'].post.requestBody.content
    expect(content['application/json'].example).toEqual(EXAMPLE)
    expect(content['text/csv'].example).toBe('5.1,3.5,1.4,0.2\n6.7,3,5.2,2.3\n')
    expect(content['application/jsonlines'].example).toBe(
      '{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}\n' +
        '{"sepal_length":6.7,"sepal_width":3,"petal_length":5.2,"petal_width":2.3}\n',
    )
    const answers = document.paths['/invocations'].post.responses['200'].content
    for (const [type, example] of Object.entries(content) as Array<[string, { example: unknown }]>) {
      const body = typeof example.example === 'string' ? example.example : JSON.stringify(example.example)
      for (const accept of Object.keys(answers)) {
        const answer = await invoke(body, type, accept)
        expect(answer.status).toBe(200)
        const documented = answers[accept].example
        expect(
          accept === 'application/json' ? JSON.parse(answer.text) : answer.text,
          `${type} -> ${accept}`,
        ).toEqual(documented)
      }
    }
  })

  it('has schemas the real requests and answers fit, and that refuse what the server refuses', async () => {
    const resolved: OpenApiJson = await dereference(structuredClone(document))
    const schemas = resolved.components.schemas
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    const request = ajv.compile(schemas.JsonRequest)
    expect(request(EXAMPLE)).toBe(true)
    expect(request({ instances: [{ sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4 }] })).toBe(false)
    expect(request({ instances: [[5.1, 3.5, 1.4]] })).toBe(false)

    const answer = ajv.compile(schemas.JsonAnswer)
    const plain = await invoke(JSON.stringify(EXAMPLE), 'application/json')
    expect(answer(JSON.parse(plain.text)), JSON.stringify(answer.errors)).toBe(true)
    const refused = await invoke('[[5.1, 9.9, 1.4, 0.2, 1]]', 'application/json')
    expect(refused.status).toBe(400)
    const outside = await invoke('[[5.1, 9.9, 1.4, 0.2]]', 'application/json')
    const withWarnings = JSON.parse(outside.text)
    expect(withWarnings.warnings).toHaveLength(1)
    expect(answer(withWarnings), JSON.stringify(answer.errors)).toBe(true)
    expect(answer({ predictions: [{ label: 'daisy', probabilities: {} }] })).toBe(false)

    const error = ajv.compile(schemas.Error)
    expect(error(JSON.parse(refused.text))).toBe(true)
    expect(schemas.Prediction.properties.label.enum).toEqual([...IRIS_CLASSES])
    expect(schemas.Prediction.properties.probabilities['x-sagepack-classProbabilities']).toBe(true)
  })
})
