// The sample order of one epoch, derived only from (seed, epoch) so a resumed run replays the same batches.
import seedrandom from 'seedrandom'

export function epochOrder(n: number, seed: number, epoch: number): Int32Array {
  const random = seedrandom(`sagepack-fit:${seed}:${epoch}`)
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  // Fisher–Yates: every permutation equally likely.
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const held = order[i] as number
    order[i] = order[j] as number
    order[j] = held
  }
  return order
}
