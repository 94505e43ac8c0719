// The packages the runtime image provides beside runtime.mjs, at their versions. The image's
// `npm install` reads containers/runtime/package.json, so that file is the one place they are set, and a
// bundle's code/package.json declares its versions. Two other places must say the same, and bundling
// stops when they do not: package.gpu.json (the GPU image: the same pins, tfjs-node-gpu instead of
// tfjs-node) and the versions this workspace installs from pnpm-workspace.yaml's catalog, which every
// test runs against (resolved from core-serve, whose predictors the runtime runs).
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { installedVersion } from '../code/build-es-module'

const RUNTIME_PACKAGE_FILE = 'containers/runtime/package.json'
const RUNTIME_GPU_PACKAGE_FILE = 'containers/runtime/package.gpu.json'

/** tfjs's native bindings are released with tfjs itself, one version for all three. */
const TFJS = '@tensorflow/tfjs'
const TFJS_NODE = '@tensorflow/tfjs-node'
const TFJS_NODE_GPU = '@tensorflow/tfjs-node-gpu'

/** An exact version: a range would let the image install something no test ran against. */
const EXACT_VERSION = /^\d+\.\d+\.\d+$/

/** Every package either image provides, with its version; throws naming each disagreement and its fix. */
export async function runtimeImagePackages(workspaceRoot: string): Promise<Record<string, string>> {
  const cpu = await dependenciesOf(workspaceRoot, RUNTIME_PACKAGE_FILE)
  const gpu = await dependenciesOf(workspaceRoot, RUNTIME_GPU_PACKAGE_FILE)
  const problems: string[] = []
  for (const [name, version] of Object.entries(cpu)) {
    if (!EXACT_VERSION.test(version))
      problems.push(`${name} is pinned to "${version}", not one exact version`)
  }
  // The GPU image: the same packages and versions, tfjs-node-gpu in place of tfjs-node.
  const expectedGpu = Object.fromEntries(
    Object.entries(cpu).map(([name, version]) => [name === TFJS_NODE ? TFJS_NODE_GPU : name, version]),
  )
  for (const name of new Set([...Object.keys(expectedGpu), ...Object.keys(gpu)])) {
    if (gpu[name] !== expectedGpu[name]) {
      problems.push(
        `${RUNTIME_GPU_PACKAGE_FILE} has ${name} ${gpu[name] ?? '(missing)'} where ${RUNTIME_PACKAGE_FILE} means ${expectedGpu[name] ?? 'no such package'}`,
      )
    }
  }
  if (cpu[TFJS_NODE] !== undefined && cpu[TFJS_NODE] !== cpu[TFJS]) {
    problems.push(`${TFJS_NODE} ${cpu[TFJS_NODE]} differs from ${TFJS} ${cpu[TFJS] ?? '(missing)'}`)
  }
  const installed = createRequire(join(workspaceRoot, 'packages', 'core-serve', 'package.json'))
  for (const [name, version] of Object.entries(cpu)) {
    const tested = installedVersion(installed, name)
    // tfjs-node is not installed here (it builds native code); its version follows tfjs, checked above.
    if (tested !== '*' && tested !== version) {
      problems.push(`${name} ${version} is not the ${tested} this workspace installs and tests`)
    }
  }
  if (problems.length > 0) {
    throw new UserError({
      input: RUNTIME_PACKAGE_FILE,
      problem: `disagrees with what bundles are tested against: ${problems.join('; ')}`,
      expected: `one exact version per package in ${RUNTIME_PACKAGE_FILE}, ${RUNTIME_GPU_PACKAGE_FILE} and the catalog in pnpm-workspace.yaml (tfjs-node and tfjs-node-gpu at the version of tfjs)`,
      fix: 'set the same versions in all three, then run pnpm install and bundle again',
    })
  }
  return { ...cpu, ...gpu }
}

async function dependenciesOf(workspaceRoot: string, file: string): Promise<Record<string, string>> {
  let text: string
  try {
    text = await readFile(join(workspaceRoot, file), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new UserError({
      input: file,
      problem: 'does not exist',
      expected: "the runtime image's package list, which bundles declare their native packages from",
      fix: 'bundle from a checkout of the whole repository',
    })
  }
  return (JSON.parse(text) as { dependencies?: Record<string, string> }).dependencies ?? {}
}
