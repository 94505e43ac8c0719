// Names for what sagepack creates in SageMaker (training jobs, transform jobs, models): SageMaker
// takes 1-63 characters matching ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}, unique in the account and region.
// A name is `<head>-<tail>`: the tail (a run id, a time stamp, a digest) is what makes it unique and is
// kept whole; a head too long for the rest is shortened and followed by a short hash of all of it, so
// two heads that share a long beginning still give two names.
import { createHash } from 'node:crypto'

const SAGEMAKER_NAME_MAX = 63

/** Hex digits of the head's sha256 added when the head is shortened: 24 bits against a shared prefix. */
const HEAD_HASH_LENGTH = 6

/** The shortest head kept readable before the hash; a tail longer than this leaves is hashed with it. */
const MIN_HEAD = 8

export function sageMakerName(head: string, tail: string): string {
  const cleanHead = nameCharacters(head)
  const cleanTail = nameCharacters(tail)
  const whole = joined(cleanHead, cleanTail)
  if (whole.length <= SAGEMAKER_NAME_MAX) return whole
  const room = SAGEMAKER_NAME_MAX - cleanTail.length - HEAD_HASH_LENGTH - 2
  if (room >= MIN_HEAD) {
    return joined(cut(cleanHead, room), hashOf(head), cleanTail)
  }
  // Only a tail that is not a sagepack id gets here: then nothing is kept whole but the hash of both.
  const hash = hashOf(`${head}\0${tail}`)
  return joined(cut(whole, SAGEMAKER_NAME_MAX - hash.length - 1), hash)
}

/** Runs of anything SageMaker refuses become one hyphen; none at either end. */
function nameCharacters(text: string): string {
  return text
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
}

function cut(text: string, length: number): string {
  return text.slice(0, length).replace(/-+$/, '')
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HEAD_HASH_LENGTH)
}

function joined(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('-')
}
