// The container entry as a plain process: the esbuild-built runtime.mjs laid out as the Dockerfile
// lays it out (/opt/sagepack with its node_modules and the try-it page's files), /opt/ml pointed at
// temp folders; the page is opened in a real Chromium to prove it works from the built runtime.

import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractArchive } from '@sagepack/bundle'
import { launchChromium } from '@sagepack/core-data/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  FLOWER_SPECIES,
  FLOWERS_CSV,
  freePort,
  trainAndBundleIris,
  waitForPing,
} from '../../test/bundled-model.fixture'
import { buildRuntime } from './build-runtime'
import { linkImagePackages } from './image-packages.fixture'

let image: string
let modelDir: string

function runtime(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [join(image, 'runtime.mjs'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  return { child, exited, output: () => output }
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-image-'))
  image = join(root, 'opt', 'sagepack')
  await buildRuntime(image)
  linkImagePackages(join(image, 'node_modules'))
  const iris = await trainAndBundleIris()
  modelDir = join(root, 'opt', 'ml', 'model')
  await extractArchive(iris.bundle, modelDir)
}, 180_000)

describe('the runtime image entry (node runtime.mjs)', () => {
  it('serve: loads /opt/ml/model, answers /ping and /invocations on SAGEMAKER_BIND_TO_PORT, exits 0 on SIGTERM', async () => {
    const port = await freePort()
    const server = runtime(['serve'], { SM_MODEL_DIR: modelDir, SAGEMAKER_BIND_TO_PORT: String(port) })
    const url = `http://127.0.0.1:${port}`
    try {
      await waitForPing(url)
      const response = await fetch(`${url}/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'application/json' },
        body: FLOWERS_CSV,
      })
      expect(response.status).toBe(200)
      const { predictions } = (await response.json()) as { predictions: Array<{ species: string }> }
      expect(predictions.map((p) => p.species)).toEqual(FLOWER_SPECIES)
    } finally {
      server.child.kill('SIGTERM')
    }
    expect(await server.exited).toBe(0)
    expect(server.output()).toMatch(/serving iris .*onnx.* on port \d+ with \d+ workers/)
  }, 60_000)

  it('serve: the try-it page works from the built runtime, its files and its chart included', async () => {
    const port = await freePort()
    const server = runtime(['serve'], { SM_MODEL_DIR: modelDir, SAGEMAKER_BIND_TO_PORT: String(port) })
    const url = `http://127.0.0.1:${port}`
    const browser = await launchChromium()
    try {
      await waitForPing(url)
      const openapi = await fetch(`${url}/openapi.json`)
      expect(openapi.status).toBe(200)
      expect(((await openapi.json()) as { info: { title: string } }).info.title).toBe(
        'iris on the sagepack runtime',
      )
      const page = await browser.newPage()
      const failures: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') failures.push(message.text())
      })
      page.on('pageerror', (error) => failures.push(error.message))
      page.on('requestfailed', (request) => failures.push(`${request.url()} failed`))
      await page.goto(`${url}/`)
      await page.locator('#predict:not([disabled])').waitFor()
      expect(await page.locator('.field').count()).toBe(4)
      await page.getByRole('button', { name: 'Predict' }).click()
      // The first example flower (inference/example.json) is a setosa.
      await page.locator('#predictions').waitFor()
      expect(await page.locator('#predictions td[data-field="species"]').textContent()).toBe('setosa')
      // The chart is drawn by the Vega bundled into runtime.mjs: the image has no vega package.
      await page.locator('#chart').waitFor()
      expect(existsSync(join(image, 'node_modules', 'vega'))).toBe(false)
      expect(failures).toEqual([])
    } finally {
      await browser.close()
      server.child.kill('SIGTERM')
    }
    expect(await server.exited).toBe(0)
  }, 60_000)

  it('train: reports a missing training entry the SageMaker way (output/failure, non-zero exit)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sagepack-opt-ml-'))
    mkdirSync(join(root, 'input', 'config'), { recursive: true })
    writeFileSync(join(root, 'input', 'config', 'hyperparameters.json'), '{}')
    const job = runtime(['train'], {
      SAGEMAKER_BASE_DIR: root,
      SAGEPACK_TRAIN_ENTRY: join(root, 'code', 'train.mjs'),
    })
    expect(await job.exited).toBe(1)
    expect(readFileSync(join(root, 'output', 'failure'), 'utf8')).toMatch(/Cannot find module .*train\.mjs/)
  }, 30_000)

  it('refuses an unknown command with its usage', async () => {
    const run = runtime(['predict'], {})
    expect(await run.exited).toBe(2)
    expect(run.output()).toContain('usage: sagepack-runtime train|serve')
    expect(existsSync(join(image, 'invocation-worker.mjs'))).toBe(true)
    expect(existsSync(join(image, 'try-page', 'index.html'))).toBe(true)
  })
})
