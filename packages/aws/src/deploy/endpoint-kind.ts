// A stage's endpoint is either serverless or on instances, and SageMaker cannot update an instance-based
// endpoint to a serverless one ("Update a serverless endpoint" in the SageMaker developer guide): the
// UpdateEndpoint that CloudFormation would send fails only after the upload, the new model and the new
// endpoint config. Deploy compares the live endpoint with the stage's settings first and refuses that
// switch with its fix. The other way (serverless to instances) SageMaker allows, but never back.
import type { DescribeEndpointOutput } from '@aws-sdk/client-sagemaker'
import { UserError } from '@sagepack/core-data'

type EndpointKind = 'serverless' | 'instances'

/** What the live endpoint runs on, from its variant; undefined while it has no variant to tell. */
function liveKind(endpoint: DescribeEndpointOutput): EndpointKind | undefined {
  const variant = endpoint.ProductionVariants?.[0]
  if (!variant) return undefined
  return variant.CurrentServerlessConfig ? 'serverless' : 'instances'
}

export function checkEndpointKind(input: {
  live: DescribeEndpointOutput | undefined
  model: string
  stage: string
  stackName: string
  serverlessMemorySizeInMB: number
  print: (line: string) => void
}): void {
  const live = input.live && liveKind(input.live)
  if (!live) return
  const wanted: EndpointKind = input.serverlessMemorySizeInMB > 0 ? 'serverless' : 'instances'
  const endpoint = input.live?.EndpointName ?? `${input.model}-${input.stage}`
  const key = `deploy.${input.stage}.serverlessMemorySizeInMB`
  if (live === 'instances' && wanted === 'serverless') {
    throw new UserError({
      input: `${key} = ${input.serverlessMemorySizeInMB} (model ${input.model})`,
      problem: `would turn endpoint ${endpoint}, which runs on instances, into a serverless endpoint; SageMaker cannot update an instance-based endpoint to a serverless one`,
      expected: `${key} = 0 while ${endpoint} runs on instances`,
      fix: `keep ${key} at 0; or delete the stage's stack (aws cloudformation delete-stack --stack-name ${input.stackName}, and wait for DELETE_COMPLETE: the endpoint is down until the next deploy creates it serverless), then deploy again; or deploy the serverless endpoint to another stage`,
    })
  }
  if (live === 'serverless' && wanted === 'instances') {
    input.print(
      `note: ${endpoint} is serverless and this deploy moves it to instances; SageMaker cannot update it back to serverless (only deleting ${input.stackName} can)`,
    )
  }
}
