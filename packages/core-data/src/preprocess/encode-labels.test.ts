import { describe, expect, it } from 'vitest'
import { encodeLabels } from './encode-labels'

const classes = { name: 'species', kind: 'class' as const, classes: ['b', 'a', 'c'] }

describe('encodeLabels', () => {
  it('maps each class to its index in the schema order, not sorted order', () => {
    const encoded = encodeLabels(classes, ['a', 'b', 'c', 'a'])
    expect(encoded).toBeInstanceOf(Int32Array)
    expect([...encoded]).toEqual([1, 0, 2, 1])
  })

  it('names the index and the label of an unknown class', () => {
    expect(() => encodeLabels(classes, ['a', 'z'])).toThrow(
      /label 'species' at index 1: "z" is not one of the schema's classes/,
    )
  })

  it('passes numeric labels through as Float32Array and rejects non-numbers', () => {
    const numeric = { name: 'price', kind: 'numeric' as const }
    const encoded = encodeLabels(numeric, [1.25, '3'])
    expect(encoded).toBeInstanceOf(Float32Array)
    expect([...encoded]).toEqual([1.25, 3])
    expect(() => encodeLabels(numeric, [1, 'cheap'])).toThrow(
      /label 'price' at index 1: "cheap" is not a number/,
    )
    expect(() => encodeLabels(numeric, [undefined])).toThrow(/the label is missing/)
  })
})
