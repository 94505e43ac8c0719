// The endpoint SageMaker runs under a name, as DescribeEndpoint tells it, or undefined when there is none:
// DescribeEndpoint answers a missing endpoint with a ValidationException, not an empty answer.
import {
  DescribeEndpointCommand,
  type DescribeEndpointOutput,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker'

export async function describeLiveEndpoint(
  sagemaker: Pick<SageMakerClient, 'send'>,
  endpointName: string,
): Promise<DescribeEndpointOutput | undefined> {
  try {
    return await sagemaker.send(new DescribeEndpointCommand({ EndpointName: endpointName }))
  } catch (error) {
    const { name, message } = error as Error
    if (name === 'ValidationException' && /Could not find endpoint/i.test(message)) return undefined
    throw error
  }
}
