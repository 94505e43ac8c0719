// Where the templates live on disk, for `sagepack deploy` (which sends their text) and the tests.
import { fileURLToPath } from 'node:url'

/** Bucket, runtime image repository, execution role and GitHub OIDC deploy role; created once. */
export const PLATFORM_TEMPLATE = fileURLToPath(new URL('../platform.yaml', import.meta.url))

/** One stack per model and stage: model, endpoint config, endpoint, alarms, autoscaling. */
export const MODEL_ENDPOINT_TEMPLATE = fileURLToPath(new URL('../model-endpoint.yaml', import.meta.url))
