// Test support: one trained and bundled iris model per test file, in temp folders.
import { mkdtempSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { sagepack } from './run-cli'

export interface BundledIris {
  runsRoot: string
  runId: string
  bundle: string
}

export async function trainAndBundleIris(epochs = 40): Promise<BundledIris> {
  const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
  const trained = await sagepack(['train', 'iris', '--runs-dir', runsRoot, '--set', `train.epochs=${epochs}`])
  expect(trained.code, trained.stderr).toBe(0)
  const runId = readdirSync(join(runsRoot, 'iris'))[0] as string
  const bundle = join(mkdtempSync(join(tmpdir(), 'sagepack-bundle-')), 'model.tar.gz')
  const bundled = await sagepack(['bundle', 'iris', '--runs-dir', runsRoot, '--out', bundle])
  expect(bundled.code, bundled.stderr).toBe(0)
  return { runsRoot, runId, bundle }
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Polls GET /ping until it answers 200. */
export async function waitForPing(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = await fetch(`${url}/ping`).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) return
    if (Date.now() > deadline)
      throw new Error(`${url}/ping did not answer 200 within ${timeoutMs} ms (last ${status})`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export const FLOWERS_CSV = '5.1,3.5,1.4,0.2\n6.7,3.1,5.6,2.4\n5.9,2.8,4.3,1.3\n'
export const FLOWER_SPECIES = ['setosa', 'virginica', 'versicolor']
