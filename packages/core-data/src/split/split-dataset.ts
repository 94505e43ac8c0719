// Splits a dataset into train, validation and test: the same seed and input always give the same
// splits, and with `stratifyBy` every split keeps the class mix of the whole.
import { allocateSplitCounts } from './allocate-split-counts'
import { createSeededRandom } from './seeded-random'
import { seededShuffle } from './seeded-shuffle'
import { validateSplitFractions } from './split-fractions'

export interface SplitOptions<T> {
  seed: number | string
  /** Fraction of rows for validation, in [0, 1). */
  validationFraction: number
  /** Fraction of rows for test, in [0, 1); with validationFraction below 1. */
  testFraction: number
  /** The class of an item; given, each class is split in the same proportions. */
  stratifyBy?: (item: T) => string
}

export interface DatasetSplits<T> {
  train: T[]
  validation: T[]
  test: T[]
}

export function splitDataset<T>(items: readonly T[], options: SplitOptions<T>): DatasetSplits<T> {
  const fractions = validateSplitFractions(options)
  const random = createSeededRandom(options.seed)
  // One shuffle fixes both which rows go where and the order inside each split, so a sorted input
  // (all of one class first) does not come out sorted.
  const order = seededShuffle(
    items.map((_, index) => index),
    random,
  )
  const classOf = options.stratifyBy
  const byClass = new Map<string, number[]>()
  for (const index of order) {
    const key = classOf ? classOf(items[index] as T) : ''
    const members = byClass.get(key)
    if (members) members.push(index)
    else byClass.set(key, [index])
  }
  // Code-unit order, not localeCompare: the allocation must not depend on the machine's locale.
  const classes = [...byClass.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const counts = allocateSplitCounts(
    classes.map((key) => byClass.get(key)?.length ?? 0),
    fractions,
  )

  const splitOf = new Map<number, keyof DatasetSplits<T>>()
  classes.forEach((key, c) => {
    const [, validation = 0, test = 0] = counts[c] ?? []
    const members = byClass.get(key) ?? []
    members.forEach((index, position) => {
      splitOf.set(index, position < test ? 'test' : position < test + validation ? 'validation' : 'train')
    })
  })
  const splits: DatasetSplits<T> = { train: [], validation: [], test: [] }
  for (const index of order) splits[splitOf.get(index) ?? 'train'].push(items[index] as T)
  return splits
}
