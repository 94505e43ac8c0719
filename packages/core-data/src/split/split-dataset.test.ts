import { describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { splitDataset } from './split-dataset'

// Sorted by class, like iris.csv, so an unshuffled split would be easy to spot.
const rows = [
  ...Array.from({ length: 60 }, (_, i) => ({ id: i, label: 'a' })),
  ...Array.from({ length: 30 }, (_, i) => ({ id: 60 + i, label: 'b' })),
  ...Array.from({ length: 10 }, (_, i) => ({ id: 90 + i, label: 'c' })),
]
const byLabel = (row: { label: string }) => row.label
const ids = (items: { id: number }[]) => items.map((row) => row.id)
const countOf = (items: { label: string }[], label: string) =>
  items.filter((row) => row.label === label).length

describe('splitDataset', () => {
  it('gives the same splits, in the same order, for the same seed and input', () => {
    const options = { seed: 42, validationFraction: 0.15, testFraction: 0.15 }
    const first = splitDataset(rows, options)
    const second = splitDataset(rows, options)
    expect(ids(first.train)).toEqual(ids(second.train))
    expect(ids(first.validation)).toEqual(ids(second.validation))
    expect(ids(first.test)).toEqual(ids(second.test))
  })

  it('gives different splits for a different seed', () => {
    const a = splitDataset(rows, { seed: 1, validationFraction: 0.2, testFraction: 0.2 })
    const b = splitDataset(rows, { seed: 2, validationFraction: 0.2, testFraction: 0.2 })
    expect(ids(a.test)).not.toEqual(ids(b.test))
  })

  it('uses every row exactly once with sizes from the fractions, in shuffled order', () => {
    const { train, validation, test } = splitDataset(rows, {
      seed: 'x',
      validationFraction: 0.1,
      testFraction: 0.25,
    })
    expect([train.length, validation.length, test.length]).toEqual([65, 10, 25])
    expect([...ids(train), ...ids(validation), ...ids(test)].sort((a, b) => a - b)).toEqual(ids(rows))
    expect(ids(train)).not.toEqual([...ids(train)].sort((a, b) => a - b))
  })

  it('keeps every class proportion within one row when stratified', () => {
    const splits = splitDataset(rows, {
      seed: 3,
      validationFraction: 0.15,
      testFraction: 0.25,
      stratifyBy: byLabel,
    })
    const exact = { a: 60, b: 30, c: 10 }
    const shares = { train: 0.6, validation: 0.15, test: 0.25 }
    for (const [split, share] of Object.entries(shares)) {
      const items = splits[split as keyof typeof shares]
      for (const [label, size] of Object.entries(exact)) {
        expect(Math.abs(countOf(items, label) - size * share)).toBeLessThan(1)
      }
    }
    expect([splits.train.length, splits.validation.length, splits.test.length]).toEqual([60, 15, 25])
  })

  it('puts a class with a single row into train', () => {
    const withRare = [...rows, { id: 100, label: 'rare' }]
    const splits = splitDataset(withRare, {
      seed: 5,
      validationFraction: 0.3,
      testFraction: 0.3,
      stratifyBy: byLabel,
    })
    expect(countOf(splits.train, 'rare')).toBe(1)
  })

  it('handles an empty input', () => {
    expect(splitDataset([], { seed: 1, validationFraction: 0.2, testFraction: 0.2 })).toEqual({
      train: [],
      validation: [],
      test: [],
    })
  })

  it('names the option when a fraction is invalid', () => {
    const split = (validationFraction: number, testFraction: number) =>
      splitDataset(rows, { seed: 1, validationFraction, testFraction })
    expect(() => split(1, 0)).toThrow(UserError)
    expect(() => split(1, 0)).toThrow(/split option validationFraction: 1 is not a valid fraction/)
    expect(() => split(0.1, -0.1)).toThrow(/split option testFraction: -0.1/)
    expect(() => split(0.1, Number.NaN)).toThrow(/testFraction/)
    expect(() => split(0.5, 0.5)).toThrow(
      /validationFraction \+ testFraction: 0.5 \+ 0.5 leaves no rows for training/,
    )
  })
})
