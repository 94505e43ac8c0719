// The job spec of the fixture model over a one-file CSV channel, as the contract tests need it.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildTrainingJobSpec, type TrainingJobSpec } from '../training-job-spec'
import fixtureConfig from './fixture-config'

/** Writes `<dir>/train.csv` and returns a local job spec that trains on it with the given settings. */
export function fixtureJobSpec(
  dir: string,
  runId: string,
  config: { epochs: number; mode: string },
): TrainingJobSpec {
  const data = join(dir, 'train.csv')
  writeFileSync(data, 'x,y\n1,2\n')
  return buildTrainingJobSpec({
    definition: fixtureConfig,
    config: { ...config, channels: { train: data } },
    runId,
    channels: { train: { uri: pathToFileURL(data).href, contentType: 'text/csv' } },
    outputUri: pathToFileURL(dir).href,
    image: 'sagepack/runtime:local',
    roleArn: 'local',
    instanceType: 'local',
    metricDefinitions: [],
  })
}
