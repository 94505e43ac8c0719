// Creates a change set for the model's stack and waits until CloudFormation has worked out what it
// would change. No change at all (same bundle, same settings) is a normal outcome: the change set is
// deleted and the deploy is a no-op.

import { setTimeout as sleep } from 'node:timers/promises'
import {
  type Change,
  type CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  type Parameter,
  type Tag,
} from '@aws-sdk/client-cloudformation'

type ChangeSetOutcome =
  | { kind: 'changes'; changeSetName: string; changes: Change[] }
  | { kind: 'no-changes'; changeSetName: string }
  | { kind: 'failed'; changeSetName: string; reason: string }

interface ChangeSetRequest {
  stackName: string
  changeSetName: string
  create: boolean
  templateBody: string
  parameters: Parameter[]
  tags: Tag[]
  pollMs: number
}

/** CloudFormation's StatusReason when the template and parameters are what the stack already runs. */
const NO_CHANGES = /didn't contain changes|No updates are to be performed/i

export async function createChangeSet(
  cloudformation: Pick<CloudFormationClient, 'send'>,
  request: ChangeSetRequest,
): Promise<ChangeSetOutcome> {
  const { stackName, changeSetName } = request
  await cloudformation.send(
    new CreateChangeSetCommand({
      StackName: stackName,
      ChangeSetName: changeSetName,
      ChangeSetType: request.create ? 'CREATE' : 'UPDATE',
      TemplateBody: request.templateBody,
      Parameters: request.parameters,
      Tags: request.tags,
      Description: `sagepack deploy ${changeSetName}`,
    }),
  )
  for (;;) {
    const described = await cloudformation.send(
      new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
    )
    if (described.Status === 'CREATE_COMPLETE') {
      return { kind: 'changes', changeSetName, changes: described.Changes ?? [] }
    }
    if (described.Status === 'FAILED') {
      const reason = described.StatusReason ?? 'no reason given'
      if (!NO_CHANGES.test(reason)) return { kind: 'failed', changeSetName, reason }
      await cloudformation.send(
        new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
      )
      return { kind: 'no-changes', changeSetName }
    }
    await sleep(request.pollMs)
  }
}

/** One line per resource change: `Modify  Endpoint (AWS::SageMaker::Endpoint)  replacement: True`. */
export function describeChanges(changes: readonly Change[]): string[] {
  return changes.map((change) => {
    const r = change.ResourceChange
    const replacement = r?.Replacement && r.Action === 'Modify' ? `  replacement: ${r.Replacement}` : ''
    return `  ${(r?.Action ?? '?').padEnd(7)} ${r?.LogicalResourceId ?? '?'} (${r?.ResourceType ?? '?'})${replacement}`
  })
}
