// data/support-tickets.csv is a synthetic set of support messages and the queue each was routed to,
// generated here from a fixed seed so every checkout trains on the same rows. It stands in for your
// data: replace the CSV (and this script) with an export of real tickets, or point `channels.train` in
// ../config.ts at it. A test keeps the CSV equal to what this script writes; rewrite it with
//   pnpm --filter @sagepack/model-__MODEL_NAME__ generate-data
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const TICKET_COLUMNS = ['message', 'queue'] as const
export const TICKET_ROWS = 600

/** What customers write about each queue's problems. */
const PHRASES: Record<string, readonly string[]> = {
  billing: [
    'I was charged twice this month',
    'please refund my last payment',
    'my invoice shows the wrong amount',
    'why did my subscription price go up',
    'the payment on my card failed',
    'I need a receipt for my order',
    'cancel the renewal and refund me',
    'there is an unknown charge on my bank statement',
  ],
  technical: [
    'the app crashes when I open it',
    'the page does not load',
    'I get an error when I upload a file',
    'sync stopped working',
    'the export button does nothing',
    'notifications show up hours late',
    'the screen goes blank after the update',
    'search returns no results',
  ],
  account: [
    'I cannot reset my password',
    'please change the email address on my account',
    'I want to delete my account',
    'my account is locked',
    'the two factor code never comes',
    'how do I change my username',
    'someone else logged into my profile',
    'I need to add a second user to my account',
  ],
}
const OPENERS = ['', 'Hi.', 'Hello!', 'Hey there.', 'Good morning.', 'Dear support team.']
const DETAILS = ['', 'since yesterday', 'on my laptop', 'again', 'for the third time', 'this week']
const CLOSERS = ['', 'Thanks', 'Please help.', 'Thank you!', 'ASAP please.', 'Regards']

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
 * Each message is a greeting, one problem, a detail and a sign-off; one in ten also mentions a
 * second, smaller problem from another queue, as real tickets do. The queue is the main problem's.
 */
export function supportTicketsCsv(seed = 7): string {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const queues = Object.keys(PHRASES)
  const lines: string[] = [TICKET_COLUMNS.join(',')]
  for (let i = 0; i < TICKET_ROWS; i++) {
    const queue = queues[i % queues.length] as string
    const problem = `${pick(PHRASES[queue] as string[])} ${pick(DETAILS)}`.trim()
    const other = queues.filter((q) => q !== queue)
    const aside = random() < 0.1 ? `Also ${pick(PHRASES[pick(other)] as string[])}.` : ''
    const message = [pick(OPENERS), `${problem[0]?.toUpperCase()}${problem.slice(1)}.`, aside, pick(CLOSERS)]
      .filter((part) => part !== '')
      .join(' ')
    lines.push(`${message},${queue}`)
  }
  return `${lines.join('\n')}\n`
}

export const SUPPORT_TICKETS_CSV_PATH = fileURLToPath(new URL('./support-tickets.csv', import.meta.url))

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  writeFileSync(SUPPORT_TICKETS_CSV_PATH, supportTicketsCsv())
  process.stdout.write(`wrote ${SUPPORT_TICKETS_CSV_PATH}\n`)
}
