// Reads the chart route's query, `?p={"setosa":0.97,...}`: a classifier's probabilities as the page got
// them from /invocations, refused with a 400 when they are not that.
import { HttpError } from '../server/http-error'
import type { ClassProbabilities } from './probability-chart-spec'

const MAX_CLASSES = 100
const EXPECTED =
  'p = a JSON object of class name to probability (0 to 1), e.g. ?p={"setosa":0.97,"virginica":0.03}'

export function probabilitiesFromQuery(url: string): ClassProbabilities {
  const query = url.indexOf('?')
  const text = new URLSearchParams(query === -1 ? '' : url.slice(query + 1)).get('p')
  let parsed: unknown
  try {
    parsed = text === null ? undefined : JSON.parse(text)
  } catch {
    parsed = undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, `expected ${EXPECTED}`)
  }
  const entries = Object.entries(parsed)
  if (entries.length === 0 || entries.length > MAX_CLASSES) {
    throw new HttpError(400, `expected 1 to ${MAX_CLASSES} classes: ${EXPECTED}`)
  }
  return entries.map(([name, probability]) => {
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
      throw new HttpError(
        400,
        `the probability of ${JSON.stringify(name)} is not a number from 0 to 1: ${EXPECTED}`,
      )
    }
    return { name, probability }
  })
}
