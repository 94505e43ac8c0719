// Test support: invoke a runner with rows, through the real request/response text (JSON both ways).
import type { InputRow, InvocationContext, InvocationRunner, Prediction } from '../../handler/handler-api'
import { bodyText } from '../../handler/response-body'

export async function invokeRows(
  runner: InvocationRunner,
  rows: InputRow[],
  context: InvocationContext,
): Promise<{ predictions: Prediction[]; responseAttributes?: string }> {
  const response = await runner.invoke({
    body: JSON.stringify({ instances: rows }),
    contentType: 'application/json',
    accept: 'application/json',
    customAttributes: context.customAttributes,
  })
  const { predictions } = JSON.parse(bodyText(response.body)) as { predictions: Prediction[] }
  return response.responseAttributes === undefined
    ? { predictions }
    : { predictions, responseAttributes: response.responseAttributes }
}
