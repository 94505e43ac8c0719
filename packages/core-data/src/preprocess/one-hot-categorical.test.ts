import { describe, expect, it } from 'vitest'
import { categoricalEncoder, fitCategoricalColumn } from './one-hot-categorical'

describe('fitCategoricalColumn', () => {
  it('keeps the schema order of declared categories, whatever was seen', () => {
    const feature = { name: 'c', kind: 'categorical' as const, categories: ['red', 'green', 'blue', 'red'] }
    expect(fitCategoricalColumn(feature, ['blue', 'pink']).categories).toEqual(['red', 'green', 'blue'])
  })

  it('sorts the categories seen in training by code unit when none are declared', () => {
    const feature = { name: 'c', kind: 'categorical' as const }
    expect(fitCategoricalColumn(feature, ['b', 'a', 'B', 'b', 'ä']).categories).toEqual(['B', 'a', 'b', 'ä'])
  })
})

describe('categoricalEncoder', () => {
  const encoder = categoricalEncoder({
    kind: 'categorical',
    name: 'color',
    categories: ['red', 'green', 'blue'],
  })

  it('names one output per category', () => {
    expect(encoder.outputNames).toEqual(['color=red', 'color=green', 'color=blue'])
  })

  it('sets the position of the category, and nothing for an unknown or missing one', () => {
    const out = new Float32Array(12)
    encoder.encode('green', out, 0)
    encoder.encode('purple', out, 3)
    encoder.encode(null, out, 6)
    encoder.encode('', out, 9)
    expect([...out]).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  })
})
