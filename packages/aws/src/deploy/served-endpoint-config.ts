// After the stack settles: does the endpoint serve the EndpointConfig the stack made? SageMaker rolls a
// blue/green deployment back on its own when a rollback alarm fires or the new fleet fails, and the
// endpoint returns to InService on the previous EndpointConfig, its FailureReason set or even empty,
// while the stack may still report the update complete. Only DescribeEndpoint tells; nothing is deleted
// here, whatever it says.

import { setTimeout as sleep } from 'node:timers/promises'
import type { DescribeEndpointOutput, SageMakerClient } from '@aws-sdk/client-sagemaker'
import { describeLiveEndpoint } from './describe-live-endpoint'

type ServedConfig = { ok: true } | { ok: false; lines: string[] }

/** Statuses an endpoint leaves on its own; anything else is where it settled. */
const MOVING = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack'])

/** Longer than the template's MaximumExecutionTimeoutInSeconds (3600) plus its termination wait. */
const SETTLE_TIMEOUT_MS = 75 * 60 * 1000

export async function servedEndpointConfig(
  sagemaker: Pick<SageMakerClient, 'send'>,
  options: {
    endpointName: string
    /** The stack's EndpointConfigName output: the config this deploy (or the last one) made. */
    expectedConfig: string
    pollMs: number
    now: () => Date
  },
): Promise<ServedConfig> {
  const { endpointName, expectedConfig } = options
  const deadline = options.now().getTime() + SETTLE_TIMEOUT_MS
  let endpoint: DescribeEndpointOutput | undefined
  for (;;) {
    endpoint = await describeLiveEndpoint(sagemaker, endpointName)
    const status = endpoint?.EndpointStatus ?? ''
    if (!MOVING.has(status) || options.now().getTime() > deadline) break
    await sleep(options.pollMs)
  }
  if (!endpoint) {
    return { ok: false, lines: [`endpoint ${endpointName} does not exist, though its stack says it does`] }
  }
  const status = endpoint.EndpointStatus ?? 'in an unknown state'
  const live = endpoint.EndpointConfigName ?? 'no EndpointConfig'
  if (status === 'InService' && live === expectedConfig) return { ok: true }
  const reason = endpoint.FailureReason ? [`  reason: ${endpoint.FailureReason}`] : []
  const alarms = (endpoint.LastDeploymentConfig?.AutoRollbackConfiguration?.Alarms ?? []).map(
    (alarm) => alarm.AlarmName ?? '?',
  )
  const alarmLine =
    alarms.length > 0
      ? [`  its rollback alarms: ${alarms.join(', ')} (see which fired in their CloudWatch history)`]
      : []
  if (status === 'InService') {
    return {
      ok: false,
      lines: [
        `SageMaker rolled the deployment of ${endpointName} back: it serves EndpointConfig ${live}, not ${expectedConfig} that the stack made`,
        ...reason,
        ...alarmLine,
        `  ${live} is still live and nothing was deleted; the endpoint's logs are in CloudWatch (/aws/sagemaker/Endpoints/${endpointName})`,
        '  fix the model (reproduce locally with pnpm serve), then deploy again',
      ],
    }
  }
  if (status === 'UpdateRollbackFailed') {
    return {
      ok: false,
      lines: [
        `${endpointName} is UpdateRollbackFailed: both the deployment and its rollback failed, and it serves a mix of ${live} and ${expectedConfig}`,
        ...reason,
        ...alarmLine,
        `  fix: point it at a config known to work: aws sagemaker update-endpoint --endpoint-name ${endpointName} --endpoint-config-name <config>`,
      ],
    }
  }
  return {
    ok: false,
    lines: [
      `${endpointName} is ${status} (EndpointConfig ${live}), not InService on ${expectedConfig}`,
      ...reason,
      ...alarmLine,
    ],
  }
}
