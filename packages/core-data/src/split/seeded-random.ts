// A reproducible random source: the same seed gives the same sequence on every machine and Node
// version, which Math.random cannot promise.
import seedrandom from 'seedrandom'
import { UserError } from '../errors/user-error'

/** Returns numbers in [0, 1). */
export type RandomSource = () => number

export function createSeededRandom(seed: number | string): RandomSource {
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw new UserError({
      input: 'seed',
      problem: `${String(seed)} cannot seed a random source`,
      expected: 'a finite number or a string',
    })
  }
  const prng = seedrandom(String(seed))
  return () => prng()
}
