// Decides how many rows of each class go to train, validation and test. Each class's counts stay
// within one row of its exact share (so every split mirrors the class mix), the split sizes follow
// the fractions as closely as that allows, and a class with very few rows gets its first row in
// train, because a class the model never trains on cannot be predicted at all.
import type { SplitFractions } from './split-fractions'

/** Per class: rows in [train, validation, test]. */
export type SplitCounts = [train: number, validation: number, test: number]

const SPLITS = 3
const TRAIN = 0

export function allocateSplitCounts(classSizes: readonly number[], fractions: SplitFractions): SplitCounts[] {
  const shares = [fractions.train, fractions.validation, fractions.test]
  const total = classSizes.reduce((sum, n) => sum + n, 0)
  const quotas = largestRemainder(total, shares)

  const counts: SplitCounts[] = []
  const remainders: number[][] = []
  const extras: number[] = []
  for (const size of classSizes) {
    const exact = shares.map((share) => snap(size * share))
    const floors = exact.map(Math.floor) as SplitCounts
    counts.push(floors)
    remainders.push(exact.map((value, s) => value - (floors[s] ?? 0)))
    extras.push(size - floors.reduce((sum, n) => sum + n, 0))
  }
  // What each split still needs beyond the floors; may go negative when small classes force train.
  const open = quotas.map((quota, s) => quota - counts.reduce((sum, row) => sum + (row[s] ?? 0), 0))
  const give = (c: number, s: number) => {
    const row = counts[c]
    const rowRemainders = remainders[c]
    if (!row || !rowRemainders) return
    row[s] = (row[s] ?? 0) + 1
    rowRemainders[s] = 0
    extras[c] = (extras[c] ?? 0) - 1
    open[s] = (open[s] ?? 0) - 1
  }

  counts.forEach((row, c) => {
    if ((classSizes[c] ?? 0) > 0 && row[TRAIN] === 0) give(c, TRAIN)
  })

  // Round up the largest remainders first, while both the class and the split still want a row.
  const cells: Array<[c: number, s: number]> = []
  for (let c = 0; c < counts.length; c += 1) for (let s = 0; s < SPLITS; s += 1) cells.push([c, s])
  const remainderOf = ([c, s]: [number, number]) => remainders[c]?.[s] ?? 0
  const byRemainder = cells
    .filter((cell) => remainderOf(cell) > 0)
    .sort((a, b) => remainderOf(b) - remainderOf(a))
  for (const [c, s] of byRemainder) {
    if ((extras[c] ?? 0) > 0 && (open[s] ?? 0) > 0 && remainderOf([c, s]) > 0) give(c, s)
  }
  // Rows the split quotas could not place still go where their class's remainder is largest, so
  // the per-class guarantee holds even when the totals drift by a row.
  for (const [c, s] of byRemainder) {
    if ((extras[c] ?? 0) > 0 && remainderOf([c, s]) > 0) give(c, s)
  }
  return counts
}

/** Integer parts summing to `total`, the leftover rows going to the largest fractional parts. */
function largestRemainder(total: number, shares: readonly number[]): number[] {
  const exact = shares.map((share) => snap(total * share))
  const parts = exact.map(Math.floor)
  let left = total - parts.reduce((sum, n) => sum + n, 0)
  const order = exact.map((value, s) => ({ s, remainder: value - Math.floor(value) }))
  order.sort((a, b) => b.remainder - a.remainder)
  for (const { s } of order) {
    if (left <= 0) break
    parts[s] = (parts[s] ?? 0) + 1
    left -= 1
  }
  return parts
}

// 100 * 0.29 is 28.999999999999996 in floating point; without snapping it would floor to 28.
function snap(value: number): number {
  const nearest = Math.round(value)
  return Math.abs(value - nearest) < 1e-9 ? nearest : value
}
