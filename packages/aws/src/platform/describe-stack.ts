// One CloudFormation stack by name, or undefined when there is none: DescribeStacks answers a missing
// stack with a ValidationError, not an empty list.
import { type CloudFormationClient, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation'

export async function describeStack(
  cloudformation: Pick<CloudFormationClient, 'send'>,
  stackName: string,
): Promise<Stack | undefined> {
  try {
    const { Stacks } = await cloudformation.send(new DescribeStacksCommand({ StackName: stackName }))
    return Stacks?.[0]
  } catch (error) {
    if ((error as Error).name === 'ValidationError' && /does not exist/.test((error as Error).message)) {
      return undefined
    }
    throw error
  }
}
