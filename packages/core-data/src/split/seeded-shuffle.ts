// Fisher–Yates shuffle driven by a given random source, so a seed fixes the order.
import type { RandomSource } from './seeded-random'

/** Returns a shuffled copy; the input is left as it was. */
export function seededShuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const shuffled = [...items]
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    const a = shuffled[i] as T
    shuffled[i] = shuffled[j] as T
    shuffled[j] = a
  }
  return shuffled
}
