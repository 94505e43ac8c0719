import { describe, expect, it } from 'vitest'
import { CLASS_PROBABILITIES, describePredictions } from './describe-predictions'

const classes = { name: 'label', kind: 'class', classes: ['ham', 'spam'] } as const
const numeric = { name: 'mpg', kind: 'numeric' } as const

describe('describePredictions', () => {
  it('makes a label among the classes an enum, and an object keyed by the classes their probabilities', () => {
    const schema = describePredictions(
      [
        { label: 'spam', spam_probability: 0.9, probabilities: { ham: 0.1, spam: 0.9 } },
        { label: 'ham', spam_probability: 0.2, probabilities: { ham: 0.8, spam: 0.2 } },
      ],
      classes,
    )
    expect(schema).toEqual({
      type: 'object',
      properties: {
        label: { type: 'string', enum: ['ham', 'spam'] },
        spam_probability: { type: 'number' },
        probabilities: {
          type: 'object',
          description: 'the probability of each class',
          properties: {
            ham: { type: 'number', minimum: 0, maximum: 1 },
            spam: { type: 'number', minimum: 0, maximum: 1 },
          },
          required: ['ham', 'spam'],
          additionalProperties: false,
          [CLASS_PROBABILITIES]: true,
        },
      },
      required: ['label', 'spam_probability', 'probabilities'],
    })
  })

  it('describes a regressor’s numbers, objects and lists as they come', () => {
    expect(describePredictions([27.3, 14.1], numeric)).toEqual({ type: 'number' })
    expect(describePredictions([{ mpg: 27.3 }, { mpg: 14.1, note: 'x' }], numeric)).toEqual({
      type: 'object',
      properties: { mpg: { type: 'number' }, note: { type: 'string' } },
      required: ['mpg'],
    })
    expect(describePredictions([[1, 2], [3]], numeric)).toEqual({ type: 'array', items: { type: 'number' } })
    // A string that is not a class stays a plain string; values of mixed kinds say nothing.
    expect(describePredictions(['spam', 'maybe'], classes)).toEqual({ type: 'string' })
    expect(describePredictions([1, 'a'], classes)).toEqual({})
  })
})
