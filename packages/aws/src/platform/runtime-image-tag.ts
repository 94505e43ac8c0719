// Which runtime image a deploy or a SageMaker job runs. The deploy workflow tags each image it pushes
// with the last commit that changed the code inside it (containers/runtime-paths.txt lists that code),
// and ECR tags are immutable, so there is no moving `latest` to fall back on. The CLI finds the same tag
// the same way; SAGEPACK_IMAGE_TAG overrides it (CI passes the tag it built).
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { UserError } from '@sagepack/core-data'

export const IMAGE_TAG_ENV = 'SAGEPACK_IMAGE_TAG'
export const RUNTIME_PATHS_FILE = 'containers/runtime-paths.txt'

const run = promisify(execFile)

/** The paths whose changes make a new runtime image, one per line in containers/runtime-paths.txt. */
export async function runtimePaths(workspaceRoot: string): Promise<string[]> {
  const text = await readFile(join(workspaceRoot, RUNTIME_PATHS_FILE), 'utf8')
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

export async function runtimeImageTag(
  workspaceRoot: string,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const fromEnv = env[IMAGE_TAG_ENV]
  if (fromEnv) return fromEnv
  const fix = `run from a git clone of the repository, or set ${IMAGE_TAG_ENV} to a tag the deploy workflow pushed to ECR`
  let commit = ''
  try {
    const paths = await runtimePaths(workspaceRoot)
    const { stdout } = await run('git', ['log', '-1', '--format=%H', '--', ...paths], { cwd: workspaceRoot })
    commit = stdout.trim()
  } catch (error) {
    throw new UserError({
      input: 'the runtime image tag',
      problem: `could not be read from git history (${(error as Error).message.split('\n')[0]})`,
      expected: `the last commit that changed a path in ${RUNTIME_PATHS_FILE}`,
      fix,
    })
  }
  if (!commit) {
    throw new UserError({
      input: 'the runtime image tag',
      problem: `no commit has changed the paths in ${RUNTIME_PATHS_FILE}`,
      expected: 'a commit that the deploy workflow built an image for',
      fix,
    })
  }
  return commit
}
