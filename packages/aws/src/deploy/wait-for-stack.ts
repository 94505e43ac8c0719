// Executes nothing itself: follows a stack after its change set was executed, printing each new stack
// event as CloudFormation reports it, until the stack settles. A failed deploy ends with the events
// that failed and their reasons (CloudFormation has already rolled the stack back by then).

import { setTimeout as sleep } from 'node:timers/promises'
import {
  type CloudFormationClient,
  DescribeStackEventsCommand,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation'
import { describeStack } from '../platform/describe-stack'

interface StackWaitResult {
  ok: boolean
  status: string
  stack: Stack | undefined
  failedEvents: StackEvent[]
}

const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE'])

export async function waitForStack(
  cloudformation: Pick<CloudFormationClient, 'send'>,
  options: { stackName: string; since: Date; pollMs: number; print: (line: string) => void },
): Promise<StackWaitResult> {
  const seen = new Set<string>()
  const events: StackEvent[] = []
  for (;;) {
    const fresh = await newEvents(cloudformation, options.stackName, options.since, seen)
    for (const event of fresh) options.print(formatEvent(event))
    events.push(...fresh)
    const stack = await describeStack(cloudformation, options.stackName)
    const status = stack?.StackStatus ?? 'DELETE_COMPLETE'
    if (!status.endsWith('_IN_PROGRESS')) {
      const ok = SUCCESS.has(status)
      return {
        ok,
        status,
        stack,
        failedEvents: ok ? [] : events.filter((e) => e.ResourceStatus?.endsWith('_FAILED')),
      }
    }
    await sleep(options.pollMs)
  }
}

/** Events newer than `since` not printed yet, oldest first (the API lists newest first, paged). */
async function newEvents(
  cloudformation: Pick<CloudFormationClient, 'send'>,
  stackName: string,
  since: Date,
  seen: Set<string>,
): Promise<StackEvent[]> {
  const fresh: StackEvent[] = []
  let nextToken: string | undefined
  do {
    const page = await cloudformation.send(
      new DescribeStackEventsCommand({
        StackName: stackName,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    )
    let reachedOld = false
    for (const event of page.StackEvents ?? []) {
      if (!event.EventId || seen.has(event.EventId) || (event.Timestamp && event.Timestamp < since)) {
        reachedOld = true
        break
      }
      seen.add(event.EventId)
      fresh.push(event)
    }
    nextToken = reachedOld ? undefined : page.NextToken
  } while (nextToken)
  return fresh.reverse()
}

export function formatEvent(event: StackEvent): string {
  const time = event.Timestamp?.toISOString().slice(11, 19) ?? '--:--:--'
  const reason = event.ResourceStatusReason ? `  ${event.ResourceStatusReason}` : ''
  return `  ${time}  ${(event.ResourceStatus ?? '').padEnd(20)} ${event.LogicalResourceId ?? ''} (${event.ResourceType ?? ''})${reason}`
}
