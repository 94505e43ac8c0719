// End to end: `pnpm serve` answers the SageMaker inference contract in every content type from a
// real bundle, and `pnpm predict` writes batch predictions through the same handler.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BundledIris,
  FLOWER_SPECIES,
  FLOWERS_CSV,
  freePort,
  trainAndBundleIris,
  waitForPing,
} from './bundled-model.fixture'
import { sagepack, startSagepack } from './run-cli'

let iris: BundledIris
beforeAll(async () => {
  iris = await trainAndBundleIris()
}, 120_000)

async function invoke(url: string, body: string, contentType: string, accept?: string) {
  const response = await fetch(`${url}/invocations`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(accept ? { accept } : {}) },
    body,
  })
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() }
}

describe('sagepack serve', () => {
  it('serves the bundle under the SageMaker contract, then drains and exits on SIGTERM', async () => {
    const port = await freePort()
    const served = startSagepack([
      'serve',
      'iris',
      '--bundle',
      iris.bundle,
      '--port',
      String(port),
      '--workers',
      '2',
    ])
    const url = `http://127.0.0.1:${port}`
    try {
      await waitForPing(url)
      const json = await invoke(
        url,
        JSON.stringify({
          instances: FLOWERS_CSV.trim()
            .split('\n')
            .map((l) => l.split(',').map(Number)),
        }),
        'application/json',
      )
      expect(json.status).toBe(200)
      expect(JSON.parse(json.text).predictions.map((p: { species: string }) => p.species)).toEqual(
        FLOWER_SPECIES,
      )

      const csv = await invoke(url, FLOWERS_CSV, 'text/csv', 'text/csv')
      expect(csv.status).toBe(200)
      expect(csv.type).toMatch(/^text\/csv/)
      expect(
        csv.text
          .trim()
          .split('\n')
          .map((line) => line.split(',')[0]),
      ).toEqual(FLOWER_SPECIES)

      const objects = FLOWERS_CSV.trim()
        .split('\n')
        .map((line) => {
          const [sepal_length, sepal_width, petal_length, petal_width] = line.split(',').map(Number)
          return JSON.stringify({ sepal_length, sepal_width, petal_length, petal_width })
        })
        .join('\n')
      const jsonl = await invoke(url, objects, 'application/jsonlines', 'application/jsonlines')
      expect(jsonl.status).toBe(200)
      const lines = jsonl.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
      expect(lines.map((p) => p.species)).toEqual(FLOWER_SPECIES)
      expect(Object.keys(lines[0].probabilities)).toEqual(['setosa', 'versicolor', 'virginica'])

      const bad = await invoke(url, '5.1,abc,1.4,0.2\n', 'text/csv')
      expect(bad.status).toBe(400)
      expect(JSON.parse(bad.text).error.message).toContain("field 'sepal_width'")
      expect((await fetch(`${url}/ping`)).status).toBe(200)
    } finally {
      served.child.kill('SIGTERM')
    }
    const result = await served.result
    expect(result.code).toBe(0)
    const extracted = /to (\S+sagepack-iris-\S+)\n/.exec(result.stdout)?.[1]
    expect(extracted).toBeDefined()
    expect(existsSync(extracted as string)).toBe(false)
  }, 90_000)
})

describe('sagepack serve --open', () => {
  /** Serves the test bundle with --open on PATH `path`; resolves with what it printed once the page is up. */
  async function serveWithOpen(path: string): Promise<{ stdout: string; stderr: string; page: string }> {
    const port = await freePort()
    const served = startSagepack(
      ['serve', 'iris', '--bundle', iris.bundle, '--port', String(port), '--workers', '1', '--open'],
      {
        PATH: path,
      },
    )
    const page = `http://localhost:${port}/`
    try {
      await waitForPing(`http://127.0.0.1:${port}`)
      await expect.poll(served.stdout, { timeout: 10_000 }).toContain(`try iris in a browser: ${page}`)
      // The opener runs after the address is printed; give it a moment to run or fail.
      await new Promise((resolve) => setTimeout(resolve, 1000))
    } finally {
      served.child.kill('SIGTERM')
    }
    const result = await served.result
    return { stdout: result.stdout, stderr: result.stderr, page }
  }

  it("opens the page with the platform's opener (xdg-open here)", async () => {
    const bin = mkdtempSync(join(tmpdir(), 'opener-'))
    const opened = join(bin, 'opened.txt')
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" > ${opened}\n`)
    chmodSync(join(bin, 'xdg-open'), 0o755)
    const { stderr, page } = await serveWithOpen(`${bin}:/usr/bin:/bin`)
    expect(readFileSync(opened, 'utf8')).toBe(`${page}\n`)
    expect(stderr).not.toContain('--open')
  }, 90_000)

  it('says plainly when there is no opener, with the address to open by hand', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-opener-'))
    const { stderr, page } = await serveWithOpen(empty)
    expect(stderr).toContain(
      `--open: there is no xdg-open on this machine to open a browser with (xdg-utils provides it: apt-get install xdg-utils); open ${page} yourself`,
    )
  }, 90_000)
})

describe('sagepack predict', () => {
  /** `sagepack predict iris` with the test bundle on `content`, written to a fresh temp file `name`. */
  function predictFile(name: string, content: string, args: string[]) {
    const input = join(mkdtempSync(join(tmpdir(), 'flowers-')), name)
    writeFileSync(input, content)
    return sagepack(['predict', 'iris', '--input', input, '--bundle', iris.bundle, ...args])
  }

  it("writes predictions for a CSV with a header into the bundled run's results/", async () => {
    const result = await predictFile(
      'flowers.csv',
      `sepal_length,sepal_width,petal_length,petal_width\n${FLOWERS_CSV}`,
      ['--runs-dir', iris.runsRoot],
    )
    expect(result.code, result.stderr).toBe(0)
    const output = join(iris.runsRoot, 'iris', iris.runId, 'results', 'predictions-flowers.jsonl')
    const predictions = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(predictions.map((p) => p.species)).toEqual(FLOWER_SPECIES)
  }, 60_000)

  it('names the file and row of a value that does not fit', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'out-')), 'p.csv')
    const result = await predictFile(
      'bad.jsonl',
      '{"sepal_length":5.1,"sepal_width":3.5,"petal_length":"long","petal_width":0.2}\n',
      ['--output', output],
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('bad.jsonl, rows 1-1')
    expect(result.stderr).toContain("field 'petal_length'")
    expect(existsSync(output)).toBe(false)
  }, 60_000)

  it('refuses a bundle whose run is not in --runs-dir before predicting any row', async () => {
    const result = await predictFile('flowers.csv', FLOWERS_CSV, [
      '--runs-dir',
      mkdtempSync(join(tmpdir(), 'no-runs-')),
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`run ${iris.runId}: the bundle was built from a run that is not in`)
    expect(result.stderr).toContain('fix: give --output')
    expect(result.stdout).not.toContain('predicted')
  }, 60_000)
})
