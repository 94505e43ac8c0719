// GET /openapi.json. The document is made once, on the first request: the answer schema and examples
// come from running the model's example through the runner, so the first request waits for the model.
// A failed example leaves them out (and is tried again on the next request) rather than failing the
// document.
import type { RequestSchema } from '@sagepack/core-data'
import { csvCodec } from '../codecs/csv-codec'
import { jsonLinesCodec } from '../codecs/jsonlines-codec'
import type { InvocationRunner, Prediction } from '../handler/handler-api'
import { bodyText } from '../handler/response-body'
import type { ExecutionParameters } from '../server/execution-parameters'
import type { Route } from '../server/route-request'
import type { ResponseWriter } from '../server/write-response'
import type { BundleIdentity } from './bundle-identity'
import { describePredictions } from './describe-predictions'
import type { ExampleBodies } from './example-rows'
import { type ExampleAnswer, openApiDocument } from './openapi-document'

export interface ServedModelFacts {
  identity: BundleIdentity
  requestSchema: RequestSchema | null
  example: ExampleBodies | undefined
}

export function openApiRoute(
  runner: InvocationRunner,
  facts: ServedModelFacts,
  executionParameters: ExecutionParameters,
  writer: ResponseWriter,
): Route {
  let cached: string | undefined
  let making: Promise<string> | undefined
  const make = async (): Promise<string> => {
    const answer = await exampleAnswer(runner, facts)
    const text = JSON.stringify(openApiDocument({ ...facts, answer, executionParameters }), null, 2)
    // Kept once whole; without the model's answer it is made again on the next request.
    if (answer !== undefined || facts.example === undefined) cached = text
    return text
  }
  return {
    methods: ['GET', 'HEAD'],
    async handle(_req, res) {
      if (cached === undefined) {
        // Concurrent first requests share one making of the document.
        making ??= make().finally(() => {
          making = undefined
        })
      }
      const text = cached ?? (await (making as Promise<string>))
      writer.send(res, 200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }, text)
    },
  }
}

async function exampleAnswer(
  runner: InvocationRunner,
  facts: ServedModelFacts,
): Promise<ExampleAnswer | undefined> {
  const { example, requestSchema } = facts
  if (!example || !requestSchema) return undefined
  try {
    const response = await runner.invoke({
      body: JSON.stringify(example.json),
      contentType: 'application/json',
      accept: 'application/json',
    })
    const json = JSON.parse(bodyText(response.body)) as { predictions: Prediction[] }
    return {
      predictionSchema: describePredictions(json.predictions, requestSchema.label),
      json,
      csv: csvCodec.encode(json.predictions),
      jsonLines: jsonLinesCodec.encode(json.predictions),
    }
  } catch {
    return undefined
  }
}
