import { type DataRecord, fitPreprocessor } from '@sagepack/core-data'
import { codecForContentType, type LoadedModel, type Predictor } from '@sagepack/core-serve'
import { describe, expect, it } from 'vitest'
import { MAX_TEXT_CHARS, messageText } from '../train/message-text'
import { spamSchema } from '../train/spam-schema'
import handler from './index'

const training: DataRecord[] = [
  { source: 'spam.csv', line: 2, values: { text: 'win cash now', label: 'spam' } },
  { source: 'spam.csv', line: 3, values: { text: 'meeting notes attached', label: 'ham' } },
]
const preprocessor = fitPreprocessor(spamSchema, training, { textDimensions: 64 })
// Hooks before predict never touch the predictor; postprocess reads only the classes.
const model: LoadedModel = {
  predictor: { inputWidth: 64 } as Predictor,
  preprocessor,
  classes: ['ham', 'spam'],
  config: {},
}
const context = { customAttributes: undefined }
const features = (rows: Parameters<NonNullable<typeof handler.preprocess>>[0]) =>
  handler.preprocess?.(rows, model, context) as Float32Array

describe('the spam handler', () => {
  it('answers each row with ham or spam, the probability of spam and the probability of each class', () => {
    const outputs = new Float32Array([0.9, 0.1, 0.2, 0.8])
    expect(handler.postprocess?.(outputs, [{}, {}], model, context)).toEqual([
      { label: 'ham', spam_probability: outputs[1], probabilities: { ham: outputs[0], spam: outputs[1] } },
      { label: 'spam', spam_probability: outputs[3], probabilities: { ham: outputs[2], spam: outputs[3] } },
    ])
  })

  it('puts requests in the training form: spacing ignored, text past MAX_TEXT_CHARS cut off', () => {
    const long = `${'free money '.repeat(MAX_TEXT_CHARS / 11)} meeting notes attached`
    expect(features([{ text: long }])).toEqual(preprocessor.transform([{ text: messageText(long) }]))
    expect(features([{ text: long }])).not.toEqual(preprocessor.transform([{ text: long }]))
    expect(features([{ text: ' win\n\ncash  now ' }])).toEqual(features([{ text: 'win cash now' }]))
  })

  it('reads a CSV text field with commas, quotes and line breaks as the same text as JSON', () => {
    const text = 'Hello, "friend"! You WON $1,000,000,\nclaim it now'
    const csv = codecForContentType('text/csv')?.decode(`"${text.replaceAll('"', '""')}"\r\n"second, row"\n`)
    expect(csv).toEqual([[text], ['second, row']])
    expect(features(csv ?? [])).toEqual(features([{ text }, { text: 'second, row' }]))
  })

  it('refuses a row without a text, naming the row and the fields it has', () => {
    expect(() => features([{ text: 'fine' }, { body: 'hello' }])).toThrow(
      'row 1 (counting from 0): has no "text" field (found: body)',
    )
    expect(() => features([{ text: null }])).toThrow('row 0 (counting from 0): "text" is null')
    expect(() => features([[null]])).toThrow('row 0 (counting from 0): the text is null')
  })

  it('reads an empty text as an empty message, and numbers as their text (CSV sends both as strings)', () => {
    expect(features([{ text: '' }])).toEqual(new Float32Array(64))
    expect(features([{ text: 2024 }])).toEqual(features([{ text: '2024' }]))
  })

  it('leaves a text that is not a string to the preprocessor, which names the row and field', () => {
    expect(() => features([{ text: 'fine' }, { text: { body: 'x' } }])).toThrow(
      "row 1 (counting from 0), field 'text'",
    )
  })
})
