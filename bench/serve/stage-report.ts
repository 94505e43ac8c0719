// One line of Server-Timing medians for the report: every entry sagepack sends, in its order, then
// the runtime's own time (its stages of own work and the main thread's routing) in microseconds.
import { ownMs, type StageMedians } from './server-timing-medians'

const ORDER = [
  'read',
  'queue',
  'hop',
  'decode',
  'validate',
  'preprocess',
  'predict',
  'postprocess',
  'encode',
  'routing',
  'total',
]

export function formatStages(name: string, medians: StageMedians): string[] {
  if (Object.keys(medians).length === 0) return [`    ${name}: no Server-Timing received`]
  const entries = ORDER.filter((stage) => medians[stage] !== undefined).map(
    (stage) => `${stage} ${(medians[stage] as number).toFixed(3)}`,
  )
  return [`    ${name}: ${entries.join(', ')}; own ${(ownMs(medians) * 1000).toFixed(1)} us`]
}
