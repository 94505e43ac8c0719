// What a new model may be called. The name becomes the folder models/<name>/, the package
// @sagepack/model-<name>, the config's environment prefix, the runs/<name>/ folder, the CloudFormation
// stack sagepack-<name>-<stage> and the SageMaker endpoint <name>-<stage>, so it must suit all of them.
import { UserError } from '@sagepack/core-data'

/**
 * cloudformation/model-endpoint.yaml's ModelName: at most 55 characters, so the longest endpoint name,
 * `<name>-staging`, stays within SageMaker's 63.
 */
export const MAX_MODEL_NAME_LENGTH = 55

/** Lowercase letters, digits and single hyphens, starting with a letter (the config's env prefix). */
const MODEL_NAME = /^[a-z](-?[a-z0-9])*$/

/** Names that already mean something in the workspace's paths, packages or tools. */
export const RESERVED_MODEL_NAMES: ReadonlyMap<string, string> = new Map([
  ['node_modules', "pnpm's dependency folder"],
  ['dist', 'the build output folder every package ignores in git'],
  ['runs', 'the runs/ folder at the workspace root'],
  ['test', 'the name of test folders and of a package script'],
  ['tests', 'the name of test folders'],
  ['core', 'the prefix of the platform packages core-data, core-train and core-serve'],
  ['cli', 'the @sagepack/cli package'],
  ['models', 'the folder that holds the models'],
  ['packages', 'the folder that holds the platform packages'],
  ['templates', "the new-model templates' folder"],
  ['sagepack', "the tool's own name (stacks, buckets and packages start with it)"],
  ['platform', 'the sagepack-platform stack'],
])

export function checkModelName(name: string): void {
  const reserved = RESERVED_MODEL_NAMES.get(name)
  if (reserved) {
    throw new UserError({
      input: `model name "${name}"`,
      problem: `is reserved: it is ${reserved}`,
      expected: 'a name that says what the model predicts, e.g. "churn" or "house-prices"',
      fix: 'pick another name for the model',
    })
  }
  if (!MODEL_NAME.test(name)) {
    throw new UserError({
      input: `model name "${name}"`,
      problem: 'is not lowercase kebab-case',
      expected: 'lowercase letters, digits and single hyphens, starting with a letter, e.g. "house-prices"',
      fix: `try "${suggestedName(name)}"`,
    })
  }
  if (name.length > MAX_MODEL_NAME_LENGTH) {
    throw new UserError({
      input: `model name "${name}"`,
      problem: `is ${name.length} characters long`,
      expected: `at most ${MAX_MODEL_NAME_LENGTH}, so its SageMaker endpoint "${name}-staging" fits in 63`,
      fix: 'pick a shorter name',
    })
  }
}

/** The closest name that fits the pattern, for the error message. */
function suggestedName(name: string): string {
  const kebab = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
  return kebab === '' ? 'my-model' : kebab
}
