// What a DescribeTrainingJob response says for a person watching: the job's status, and each
// secondary status transition (Starting, Downloading, Training, Uploading...) with its message.
import type { DescribeTrainingJobResponse } from '@aws-sdk/client-sagemaker'
import { FINAL_JOB_STATUSES, type JobProgress } from './wait-for-job'

export function trainingJobProgress(response: DescribeTrainingJobResponse): JobProgress {
  const status = response.TrainingJobStatus ?? 'Unknown'
  const transitions = (response.SecondaryStatusTransitions ?? []).map((t) => {
    const time = t.StartTime ? t.StartTime.toISOString().slice(11, 19) : '--:--:--'
    const message = t.StatusMessage ? `  ${t.StatusMessage}` : ''
    return {
      // A transition's message can change while it lasts (SageMaker rewrites it); each version is news.
      key: `secondary ${t.Status} ${t.StartTime?.toISOString() ?? ''} ${t.StatusMessage ?? ''}`,
      text: `  ${time}  ${(t.Status ?? '').padEnd(20)}${message}`.trimEnd(),
    }
  })
  const done = FINAL_JOB_STATUSES.has(status)
  const statusLine = { key: `status ${status}`, text: `TrainingJobStatus ${status}` }
  // A final status reads last: the poll that sees Completed also sees the Uploading transition before it.
  return { status, done, lines: done ? [...transitions, statusLine] : [statusLine, ...transitions] }
}
