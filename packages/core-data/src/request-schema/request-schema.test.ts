import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import type { DataRecord } from '../dataset/data-record'
import { fitPreprocessor } from '../preprocess/fit-preprocessor'
import type { DatasetSchema } from '../schema/feature-schema'
import { deriveRequestSchema } from './derive-request-schema'
import { parseRequestSchema } from './parse-request-schema'
import { ANNOTATIONS, requestSchemaDocument } from './request-schema-document'

const schema: DatasetSchema = {
  features: [
    { name: 'weight', kind: 'numeric', min: 0, max: 500, doc: 'kg' },
    { name: 'height', kind: 'numeric' },
    { name: 'colour', kind: 'categorical' },
    { name: 'note', kind: 'text', whenMissing: 'fill' },
  ],
  label: { name: 'size', kind: 'class', classes: ['small', 'large'] },
}

const rows: Array<DataRecord['values']> = [
  { weight: 10, height: 1.5, colour: 'red', note: 'a', size: 'small' },
  { weight: 80, height: null, colour: 'blue', note: 'b c', size: 'large' },
  { weight: 45.5, height: 1.8, colour: 'red', note: 'd', size: 'large' },
]
const records = rows.map((values, index): DataRecord => ({ source: 'data.csv', line: index + 2, values }))
const preprocessor = fitPreprocessor(schema, records)
const derived = deriveRequestSchema({ model: 'pets', schema, preprocessor, training: records })

describe('deriveRequestSchema', () => {
  it('takes ranges from the training rows, categories from the preprocessor, docs from the schema', () => {
    expect(derived.features.map((f) => f.name)).toEqual(['weight', 'height', 'colour', 'note'])
    expect(derived.features[0]).toEqual({
      name: 'weight',
      kind: 'numeric',
      doc: 'kg',
      trainingRange: { min: 10, max: 80 },
      validRange: { min: 0, max: 500 },
    })
    expect(derived.features[2]).toEqual({ name: 'colour', kind: 'categorical', categories: ['blue', 'red'] })
    expect(derived.label).toEqual({ name: 'size', kind: 'class', classes: ['small', 'large'] })
    expect(derived.unknownFields).toBe('warn')
  })

  it('requires a feature training never saw missing, and fills one it did (or one the schema says to)', () => {
    const fills = Object.fromEntries(derived.features.map((f) => [f.name, f.fill ?? 'required']))
    expect(fills).toEqual({
      weight: 'required',
      // The fitted mean of the present heights: what the preprocessor puts in for a missing one.
      height: { fill: 'mean', value: 1.65 },
      colour: 'required',
      note: { fill: 'no text' },
    })
  })

  it('without training rows (a run from before schema.json) requires every feature the schema does not fill', () => {
    const bare = deriveRequestSchema({
      model: 'pets',
      schema: { ...schema, unknownFields: 'refuse' },
      preprocessor,
    })
    expect(bare.features.filter((f) => f.fill === undefined).map((f) => f.name)).toEqual([
      'weight',
      'height',
      'colour',
    ])
    expect(bare.features[0]?.trainingRange).toBeUndefined()
    expect(bare.unknownFields).toBe('refuse')
  })

  it('gives a numeric label the range training saw', () => {
    const regression: DatasetSchema = {
      features: [schema.features[0] ?? { name: 'x', kind: 'numeric' }],
      label: { name: 'price', kind: 'numeric', min: 0 },
    }
    const priced = records.map((r, i) => ({ ...r, values: { ...r.values, price: [3, 9.5, 4][i] ?? 0 } }))
    const fitted = fitPreprocessor(regression, priced)
    expect(
      deriveRequestSchema({ model: 'm', schema: regression, preprocessor: fitted, training: priced }).label,
    ).toEqual({
      name: 'price',
      kind: 'numeric',
      trainingRange: { min: 3, max: 9.5 },
      validRange: { min: 0 },
    })
  })
})

describe('the schema.json document', () => {
  const document = requestSchemaDocument(derived)

  it('reads back to the same request schema', () => {
    expect(parseRequestSchema(JSON.parse(JSON.stringify(document)))).toEqual(derived)
  })

  it('is JSON Schema 2020-12 that accepts a complete row and refuses what serving refuses', () => {
    // Strict, so a misspelt keyword fails here; the annotations are declared as the keywords they are.
    const ajv = new Ajv2020({ strict: true, strictTypes: false })
    for (const keyword of Object.values(ANNOTATIONS)) ajv.addKeyword(keyword)
    const validRow = ajv.compile(document)
    expect(validRow({ weight: 12, height: 1.7, colour: 'green', note: 'hello' })).toBe(true)
    expect(validRow({ weight: 12, height: null, colour: 'red', note: null })).toBe(true)
    expect(validRow({ weight: null, height: 1.7, colour: 'red' })).toBe(false)
    expect(validRow({ height: 1.7, colour: 'red' })).toBe(false)
    expect(validRow({ weight: 12, colour: '' })).toBe(false)
    const validValues = ajv.compile({
      ...(document.$defs as Record<string, object>).values,
      $schema: undefined,
    })
    expect(validValues([12, 1.7, 'red', 'a note'])).toBe(true)
    expect(validValues([12, 1.7, 'red'])).toBe(false)
    expect(validValues([12, 1.7, 'red', 'a note', 'extra'])).toBe(false)
  })

  it('names the key of a damaged document', () => {
    const broken = structuredClone(document) as Record<string, Record<string, Record<string, unknown>>>
    ;(broken.properties as Record<string, Record<string, unknown>>).height = {
      ...broken.properties?.height,
      'x-sagepack-missing': { fill: 'no text' },
    }
    expect(() => parseRequestSchema(broken, 'bundle/schema.json')).toThrow(
      `bundle/schema.json, field 'properties.height.x-sagepack-missing.fill': "no text" does not fill a numeric feature`,
    )
    expect(() => parseRequestSchema({ ...document, 'x-sagepack-format': 'v0' }, 'schema.json')).toThrow(
      /x-sagepack-format': "v0" is not a supported schema format/,
    )
  })
})
