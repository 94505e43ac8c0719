// The `train` command: what the runtime image runs on SageMaker and the local executor's process runs.
// The root comes from SAGEMAKER_BASE_DIR (default /opt/ml), the entry from train-code-location.ts.
import { pathToFileURL } from 'node:url'
import { runTrainingJob } from './run-training-job'
import { trainEntryPath } from './train-code-location'
import { asTrainEntry } from './train-entry'
import { trainingRootFromEnv } from './training-layout'

export async function trainMain(env: Record<string, string | undefined> = process.env): Promise<number> {
  const entryPath = trainEntryPath(env)
  const stop = new AbortController()
  // SageMaker sends SIGTERM on StopTrainingJob and spot interruption, then SIGKILL 120 s later.
  // Listening for the whole job, not once: a library exit hook (signal-exit, which write-file-atomic
  // installs during every write) re-raises a signal nobody else listens to, which would kill the job
  // mid-checkpoint if our listener had already removed itself.
  const onSignal = () => stop.abort()
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  try {
    return await runTrainingJob({
      root: trainingRootFromEnv(env),
      signal: stop.signal,
      loadEntry: async () => asTrainEntry(await import(pathToFileURL(entryPath).href), entryPath),
    })
  } finally {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
  }
}
