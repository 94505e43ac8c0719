// data/churn.csv is a synthetic customer-churn table, generated here from a fixed seed so every
// checkout trains on the same rows. It stands in for your data: replace the CSV (and this script) with
// an export of the real table, or point `channels.train` in ../config.ts at it. A test keeps the CSV
// equal to what this script writes; rewrite it with
//   pnpm --filter @sagepack/model-__MODEL_NAME__ generate-data
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const CHURN_COLUMNS = [
  'tenure_months',
  'monthly_charges',
  'support_calls',
  'contract',
  'churned',
] as const
export const CHURN_ROWS = 400
const CONTRACTS = ['monthly', 'one-year', 'two-year'] as const

/** mulberry32: a tiny seeded generator, so the data never depends on Math.random. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Customers who are new, pay a lot, call support often and can leave any month churn more; the
 * coefficients below are the "truth" the behavioural tests expect the model to rediscover.
 */
export function churnCsv(seed = 7): string {
  const random = seededRandom(seed)
  const lines: string[] = [CHURN_COLUMNS.join(',')]
  for (let i = 0; i < CHURN_ROWS; i++) {
    const contract = CONTRACTS[random() < 0.5 ? 0 : random() < 0.6 ? 1 : 2] as string
    const tenure = 1 + Math.floor(random() * 72)
    const charges = Math.round((20 + random() * 100) * 100) / 100
    const calls = Math.floor(random() * random() * 10)
    const contractEffect = { monthly: 1, 'one-year': -0.5, 'two-year': -2 }[contract] as number
    const logit = 0.5 - 0.06 * tenure + 0.025 * (charges - 70) + 0.7 * calls + contractEffect
    const churned = random() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no'
    lines.push([tenure, charges, calls, contract, churned].join(','))
  }
  return `${lines.join('\n')}\n`
}

export const CHURN_CSV_PATH = fileURLToPath(new URL('./churn.csv', import.meta.url))

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  writeFileSync(CHURN_CSV_PATH, churnCsv())
  process.stdout.write(`wrote ${CHURN_CSV_PATH}\n`)
}
