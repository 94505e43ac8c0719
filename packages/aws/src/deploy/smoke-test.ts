// Proves a deployed endpoint answers: the model's example input through InvokeEndpoint, expecting a
// 200 with a JSON body. A failure names the endpoint and what came back.
import { InvokeEndpointCommand, type SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'
import { UserError } from '@sagepack/core-data'
import type { ExampleInput } from './example-input'

export async function smokeTest(
  runtime: Pick<SageMakerRuntimeClient, 'send'>,
  endpointName: string,
  example: ExampleInput,
): Promise<unknown> {
  let text: string
  try {
    const answer = await runtime.send(
      new InvokeEndpointCommand({
        EndpointName: endpointName,
        ContentType: example.contentType,
        Accept: 'application/json',
        Body: new TextEncoder().encode(example.body),
      }),
    )
    text = new TextDecoder().decode(answer.Body)
  } catch (error) {
    throw new UserError({
      input: `endpoint ${endpointName}`,
      problem: `did not answer the example input (${example.path}): ${(error as Error).message}`,
      fix: `read the endpoint's CloudWatch logs (/aws/sagemaker/Endpoints/${endpointName}); reproduce locally with pnpm serve`,
    })
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new UserError({
      input: `endpoint ${endpointName}`,
      problem: `answered the example input with a body that is not JSON: ${text.slice(0, 200)}`,
      expected: 'a JSON answer, as `pnpm serve` gives locally',
    })
  }
}
