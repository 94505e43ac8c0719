// What state a model's stack is in before a deploy: absent (create it), settled (update it), or a
// state a deploy must not touch, each with the fix.
import type { CloudFormationClient, Stack } from '@aws-sdk/client-cloudformation'
import { UserError } from '@sagepack/core-data'
import { describeStack } from '../platform/describe-stack'

type StackState = { kind: 'absent' } | { kind: 'ready'; stack: Stack }

/** A stack whose first create failed sits in ROLLBACK_COMPLETE and can only be deleted. */
const MUST_DELETE = new Set(['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'DELETE_FAILED'])
const SETTLED =
  'a stack that is settled (CREATE_COMPLETE, UPDATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE), or no stack'

export async function stackState(
  cloudformation: Pick<CloudFormationClient, 'send'>,
  stackName: string,
): Promise<StackState> {
  const stack = await describeStack(cloudformation, stackName)
  // REVIEW_IN_PROGRESS: a change set was created for a new stack but never executed; creating again is right.
  if (!stack || stack.StackStatus === 'REVIEW_IN_PROGRESS') return { kind: 'absent' }
  const status = stack.StackStatus ?? 'UNKNOWN'
  if (MUST_DELETE.has(status)) {
    throw new UserError({
      input: `stack ${stackName}`,
      problem: `is ${status} (an earlier deploy failed and rolled back)`,
      expected: SETTLED,
      fix: `read its events in the CloudFormation console, then delete it: aws cloudformation delete-stack --stack-name ${stackName}`,
    })
  }
  if (status === 'UPDATE_ROLLBACK_FAILED') {
    throw new UserError({
      input: `stack ${stackName}`,
      problem: `is ${status}: an update failed and so did its rollback`,
      expected: SETTLED,
      fix: `fix the resource its events name, then: aws cloudformation continue-update-rollback --stack-name ${stackName}`,
    })
  }
  if (status.endsWith('_IN_PROGRESS')) {
    throw new UserError({
      input: `stack ${stackName}`,
      problem: `is ${status}: another deployment is running`,
      expected: SETTLED,
      fix: 'wait for it to finish, then deploy again',
    })
  }
  return { kind: 'ready', stack }
}
