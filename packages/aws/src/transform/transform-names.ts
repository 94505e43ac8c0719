// Names SageMaker accepts (1-63 characters of [a-zA-Z0-9-]) for what a batch transform creates: the
// model, named by the bundle's digest so one bundle is one SageMaker model, and the job, by time.
import { timeStamp } from '../platform/time-stamp'

const MAX_NAME = 63

export function transformModelName(model: string, bundleSha256: string): string {
  return withSuffix('sagepack', model, bundleSha256.slice(0, 12))
}

/** `sagepack-<model>-20261123-164512`: sortable, and unique unless two start in the same second. */
export function transformJobName(model: string, now: Date): string {
  return withSuffix('sagepack', model, timeStamp(now))
}

/** The model's name is shortened, never the prefix or the suffix that makes the name unique. */
function withSuffix(prefix: string, model: string, suffix: string): string {
  const room = MAX_NAME - prefix.length - suffix.length - 2
  const middle = model
    .replace(/[^a-zA-Z0-9-]+/g, '-')
    .slice(0, room)
    .replace(/-+$/, '')
  return `${prefix}-${middle}-${suffix}`
}
