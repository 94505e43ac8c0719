// What a DescribeTransformJob response says for a person watching: its status as it changes.
import type { DescribeTransformJobResponse } from '@aws-sdk/client-sagemaker'
import { FINAL_JOB_STATUSES, type JobProgress } from '@sagepack/core-train'

export function transformJobProgress(response: DescribeTransformJobResponse): JobProgress {
  const status = response.TransformJobStatus ?? 'Unknown'
  return {
    status,
    done: FINAL_JOB_STATUSES.has(status),
    lines: [{ key: status, text: `TransformJobStatus ${status}` }],
  }
}
