// Test support: a model trained (briefly), bundled and served by the real `sagepack serve`, on a free
// loopback port, as a person runs it; stop() sends the SIGTERM that Ctrl-C would.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { freePort } from './bundled-model.fixture'
import { sagepack, startSagepack } from './run-cli'

export interface ServedModel {
  name: string
  bundle: string
  /** `http://localhost:<port>`, as `sagepack serve` prints it. */
  url: string
  /** What `sagepack serve` printed before the page was ready. */
  printed: string
  stop(): Promise<void>
}

/** `sets` are `--set key=value` overrides that keep training short. */
export async function trainBundleAndServe(name: string, sets: readonly string[]): Promise<ServedModel> {
  const runsRoot = mkdtempSync(join(tmpdir(), `sagepack-${name}-runs-`))
  const trained = await sagepack([
    'train',
    name,
    '--runs-dir',
    runsRoot,
    ...sets.flatMap((set) => ['--set', set]),
  ])
  expect(trained.code, trained.stderr).toBe(0)
  expect(readdirSync(join(runsRoot, name))).toHaveLength(1)
  const bundle = join(mkdtempSync(join(tmpdir(), `sagepack-${name}-bundle-`)), 'model.tar.gz')
  const bundled = await sagepack(['bundle', name, '--runs-dir', runsRoot, '--out', bundle])
  expect(bundled.code, bundled.stderr).toBe(0)
  const port = await freePort()
  const served = startSagepack(['serve', name, '--bundle', bundle, '--port', String(port), '--workers', '1'])
  const url = `http://localhost:${port}`
  const announced = `try ${name} in a browser: ${url}/ (OpenAPI: ${url}/openapi.json)`
  const deadline = Date.now() + 90_000
  while (!served.stdout().includes(announced)) {
    if (served.child.exitCode !== null || Date.now() > deadline) {
      const result = await Promise.race([served.result, new Promise((resolve) => setTimeout(resolve, 1000))])
      throw new Error(
        `sagepack serve ${name} did not announce its page:\n${served.stdout()}\n${JSON.stringify(result)}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    name,
    bundle,
    url,
    printed: served.stdout(),
    async stop() {
      served.child.kill('SIGTERM')
      await served.result
    },
  }
}
