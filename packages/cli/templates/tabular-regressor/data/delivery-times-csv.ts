// data/delivery-times.csv is a synthetic table of food deliveries and how long each took, generated
// here from a fixed seed so every checkout trains on the same rows. It stands in for your data: replace
// the CSV (and this script) with an export of the real table, or point `channels.train` in ../config.ts
// at it. A test keeps the CSV equal to what this script writes; rewrite it with
//   pnpm --filter @sagepack/model-__MODEL_NAME__ generate-data
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const DELIVERY_COLUMNS = ['distance_km', 'items', 'prep_minutes', 'weather', 'minutes'] as const
export const DELIVERY_ROWS = 400
const WEATHER = ['clear', 'rain', 'snow'] as const

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

/** The minutes a delivery takes on average: the "truth" the behavioural tests expect the model to find. */
export function expectedMinutes(
  distanceKm: number,
  items: number,
  prepMinutes: number,
  weather: string,
): number {
  const weatherDelay = { clear: 0, rain: 4, snow: 12 }[weather] ?? 0
  return 4 + prepMinutes + 3 * distanceKm + 0.5 * items + weatherDelay
}

export function deliveryTimesCsv(seed = 7): string {
  const random = seededRandom(seed)
  // Box-Muller: normally distributed noise, as real kitchens and traffic add.
  const noise = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const lines: string[] = [DELIVERY_COLUMNS.join(',')]
  for (let i = 0; i < DELIVERY_ROWS; i++) {
    const distance = Math.round((0.5 + random() * 14.5) * 100) / 100
    const items = 1 + Math.floor(random() * random() * 12)
    const prep = 5 + Math.floor(random() * 21)
    const roll = random()
    const weather = WEATHER[roll < 0.6 ? 0 : roll < 0.9 ? 1 : 2] as string
    const minutes = Math.max(5, expectedMinutes(distance, items, prep, weather) + 2.5 * noise())
    lines.push([distance, items, prep, weather, Math.round(minutes * 10) / 10].join(','))
  }
  return `${lines.join('\n')}\n`
}

export const DELIVERY_TIMES_CSV_PATH = fileURLToPath(new URL('./delivery-times.csv', import.meta.url))

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  writeFileSync(DELIVERY_TIMES_CSV_PATH, deliveryTimesCsv())
  process.stdout.write(`wrote ${DELIVERY_TIMES_CSV_PATH}\n`)
}
