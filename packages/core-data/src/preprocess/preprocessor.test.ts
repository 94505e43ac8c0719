import { describe, expect, it } from 'vitest'
import type { DataRecord } from '../dataset/data-record'
import { UserError } from '../errors/user-error'
import type { DatasetSchema } from '../schema/feature-schema'
import { fitPreprocessor } from './fit-preprocessor'
import { Preprocessor } from './preprocessor'
import { PREPROCESSOR_FORMAT } from './preprocessor-state'

const schema: DatasetSchema = {
  features: [
    { name: 'sepal_length', kind: 'numeric' },
    { name: 'color', kind: 'categorical', categories: ['red', 'green'] },
    { name: 'size', kind: 'categorical' },
    { name: 'subject', kind: 'text' },
  ],
  label: { name: 'species', kind: 'class', classes: ['setosa', 'virginica'] },
}

const train: DataRecord[] = [
  { sepal_length: 1, color: 'red', size: 'small', subject: 'Hello world', species: 'setosa' },
  { sepal_length: 2, color: 'green', size: 'large', subject: 'hello again', species: 'virginica' },
  { sepal_length: 3, color: null, size: 'small', subject: null, species: 'setosa' },
  { sepal_length: null, color: 'red', size: 'medium', subject: 'Grüße aus 東京', species: 'virginica' },
].map((values, index) => ({ source: 'train.csv', line: index + 2, values }))

const rows = [
  { sepal_length: 2.5, color: 'green', size: 'large', subject: 'hello hello world' },
  { sepal_length: null, color: 'purple', size: 'huge', subject: '' },
  { sepal_length: 0.1, color: 'red', size: 'small', subject: 'Again, 東京' },
]

function thrown(action: () => unknown): UserError {
  try {
    action()
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('expected a UserError')
}

describe('fitPreprocessor and Preprocessor', () => {
  const preprocessor = fitPreprocessor(schema, train, { textDimensions: 16 })

  it('lays out named outputs: numeric, one-hot (declared, then seen and sorted), hashed text', () => {
    expect(preprocessor.width).toBe(1 + 2 + 3 + 16)
    expect(preprocessor.outputNames.slice(0, 7)).toEqual([
      'sepal_length',
      'color=red',
      'color=green',
      'size=large',
      'size=medium',
      'size=small',
      'subject#0',
    ])
    expect(preprocessor.outputNames.at(-1)).toBe('subject#15')
  })

  it('standardizes with the training mean and std and fills a missing value with the mean', () => {
    const out = preprocessor.transform(rows)
    const std = Math.sqrt(2 / 3)
    expect(out[0]).toBe(Math.fround((2.5 - 2) / std))
    expect(out[preprocessor.width]).toBe(0)
    expect(out[2 * preprocessor.width]).toBe(Math.fround((0.1 - 2) / std))
  })

  it('one-hot encodes known categories and leaves unknown or missing ones at zeros', () => {
    const out = preprocessor.transform(rows)
    const { width } = preprocessor
    expect([...out.subarray(1, 6)]).toEqual([0, 1, 1, 0, 0])
    expect([...out.subarray(width + 1, width + 6)]).toEqual([0, 0, 0, 0, 0])
    expect([...out.subarray(width + 6, 2 * width)].every((value) => value === 0)).toBe(true)
  })

  it('gives byte-identical output after a JSON round trip', () => {
    const restored = Preprocessor.fromJSON(JSON.parse(JSON.stringify(preprocessor)))
    const before = preprocessor.transform(rows)
    const after = restored.transform(rows)
    expect(Buffer.from(after.buffer).equals(Buffer.from(before.buffer))).toBe(true)
    expect(restored.outputNames).toEqual(preprocessor.outputNames)
    expect(restored.classes()).toEqual(['setosa', 'virginica'])
  })

  it('saves plain JSON with the format, the schema and the fitted parameters', () => {
    const state = preprocessor.toJSON()
    expect(state.format).toBe(PREPROCESSOR_FORMAT)
    expect(state.features).toEqual(schema.features)
    expect(state.label).toEqual(schema.label)
    expect(state.columns).toEqual([
      { kind: 'numeric', name: 'sepal_length', mean: 2, std: Math.sqrt(2 / 3) },
      { kind: 'categorical', name: 'color', categories: ['red', 'green'] },
      { kind: 'categorical', name: 'size', categories: ['large', 'medium', 'small'] },
      { kind: 'text', name: 'subject', dimensions: 16 },
    ])
    state.columns.pop()
    expect(preprocessor.toJSON().columns).toHaveLength(4)
  })

  it('gives the same output for numeric strings (CSV) as for numbers (JSON)', () => {
    const asText = rows.map((row) => ({
      ...row,
      sepal_length: row.sepal_length === null ? '' : String(row.sepal_length),
    }))
    const fromStrings = preprocessor.transform(asText)
    expect(Buffer.from(fromStrings.buffer).equals(Buffer.from(preprocessor.transform(rows).buffer))).toBe(
      true,
    )
  })

  it('treats an absent field as missing and ignores fields outside the schema', () => {
    const out = preprocessor.transform([{ color: 'red', species: 'setosa', constructor: 'x' }])
    expect(out[0]).toBe(0)
    expect(out[1]).toBe(1)
  })

  it('reads only own fields, so a feature named like an Object member is simply missing', () => {
    const odd = fitPreprocessor(
      { features: [{ name: 'constructor', kind: 'categorical', categories: ['x'] }], label: schema.label },
      [],
    )
    expect(odd.transform([{}, { constructor: 'x' }])).toEqual(new Float32Array([0, 1]))
  })

  it('names the row and the field of a wrong-typed value', () => {
    const error = thrown(() => preprocessor.transform([rows[0] ?? {}, { ...rows[0], sepal_length: 'abc' }]))
    expect(error.input).toBe("row 1 (counting from 0), field 'sepal_length'")
    expect(error.message).toContain('"abc" is not a number')
    const objectError = thrown(() => preprocessor.transform([{ ...rows[0], color: { name: 'red' } }]))
    expect(objectError.input).toBe("row 0 (counting from 0), field 'color'")
    expect(objectError.problem).toBe('an object is not a string')
    expect(thrown(() => preprocessor.transform([null as never])).input).toBe('row 0 (counting from 0)')
  })

  it('reads rows of values in featureNames order exactly as the same rows as records', () => {
    expect(preprocessor.featureNames).toEqual(['sepal_length', 'color', 'size', 'subject'])
    const values = rows.map((row) => preprocessor.featureNames.map((name) => row[name as keyof typeof row]))
    const fromValues = preprocessor.transformValues(values)
    expect(fromValues).toHaveLength(3 * preprocessor.width)
    expect(Buffer.from(fromValues.buffer).equals(Buffer.from(preprocessor.transform(rows).buffer))).toBe(true)
    const error = thrown(() => preprocessor.transformValues([values[0] ?? [], [2, 'red', { big: true }, '']]))
    expect(error.input).toBe("row 1 (counting from 0), field 'size'")
    expect(error.problem).toBe('an object is not a string')
  })

  it('encodes class labels by the schema order and rejects unknown or missing ones', () => {
    expect(preprocessor.encodeLabels(['virginica', 'setosa'])).toEqual(new Int32Array([1, 0]))
    expect(thrown(() => preprocessor.encodeLabels(['setosa', 'rose'])).input).toBe(
      "label 'species' at index 1",
    )
    expect(thrown(() => preprocessor.encodeLabels([null])).problem).toBe('the label is missing')
  })

  it('passes a numeric label through and has no classes', () => {
    const regression = fitPreprocessor(
      { features: [{ name: 'rooms', kind: 'numeric' }], label: { name: 'price', kind: 'numeric' } },
      [{ source: 'd.csv', line: 2, values: { rooms: 3, price: 100 } }],
    )
    expect(regression.encodeLabels([1.5, '2'])).toEqual(new Float32Array([1.5, 2]))
    expect(regression.classes()).toBeNull()
    expect(regression.transform([{ rooms: 7 }])).toEqual(new Float32Array([4]))
  })
})

describe('fitPreprocessor errors', () => {
  it('uses 1024 text dimensions by default and validates the option', () => {
    expect(fitPreprocessor(schema, train).width).toBe(1 + 2 + 3 + 1024)
    expect(thrown(() => fitPreprocessor(schema, train, { textDimensions: 0 })).input).toBe(
      'preprocessor option textDimensions',
    )
  })

  it('names source:line and column of a training value it cannot read', () => {
    const bad = [
      ...train,
      { source: 'train.csv', line: 9, values: { ...train[0]?.values, sepal_length: 'x' } },
    ]
    expect(thrown(() => fitPreprocessor(schema, bad)).input).toBe("train.csv:9, column 'sepal_length'")
  })

  it('fromJSON refuses state of another format version', () => {
    const state = { ...preprocessor(), format: 'sagepack.preprocessor/v0' }
    expect(thrown(() => Preprocessor.fromJSON(state)).input).toBe("preprocessor state, field 'format'")
  })
})

function preprocessor() {
  return fitPreprocessor(schema, train, { textDimensions: 4 }).toJSON()
}
