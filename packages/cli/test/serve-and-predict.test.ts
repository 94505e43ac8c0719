// End to end: `pnpm serve` answers the SageMaker inference contract in every content type from a
// real bundle, and stops under load without losing a request, as SageMaker stops it (SIGTERM) and as a
// person does (Ctrl-C, which the terminal sends to the whole process group), leaving nothing in
// $TMPDIR; `pnpm predict` writes batch predictions through the same handler.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractArchive } from '@sagepack/bundle'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BundledIris,
  FLOWER_SPECIES,
  FLOWERS_CSV,
  freePort,
  trainAndBundleIris,
  waitForPing,
} from './bundled-model.fixture'
import { keepAliveLoad } from './keep-alive-load.fixture'
import { sagepack, startSagepack, WORKSPACE_ROOT } from './run-cli'

const RUNTIME_BIN = fileURLToPath(new URL('../bin/sagepack-runtime.mjs', import.meta.url))
const CLI_BIN = fileURLToPath(new URL('../bin/sagepack.mjs', import.meta.url))

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

/**
 * What a run left in its $TMPDIR, but tsx's compile cache: this test runs the CLI and the runtime from
 * TypeScript source, and tsx keeps one cache folder per user there on purpose, reused by every run.
 */
function leftIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name !== `tsx-${process.getuid?.() ?? 0}`)
}

interface Started {
  child: ChildProcess
  output(): string
  exited: Promise<number | null>
}

function start(args: string[], env: Record<string, string>): Started {
  // Its own process group, as a terminal gives a command: a signal to the group reaches every process.
  const child = spawn(process.execPath, args, {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

/** 16 keep-alive clients until each holds its connection and requests have been answered. */
async function loaded(port: number) {
  const load = keepAliveLoad(port, 16, FLOWERS_CSV)
  const deadline = Date.now() + 20_000
  while ((load.sockets() < 16 || load.answered() < 200) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return load
}

describe('stopping the runtime under load', () => {
  it('on SIGTERM, as SageMaker stops it: answers every request that reached it, exits 0, leaves $TMPDIR empty', async () => {
    const modelDir = join(mkdtempSync(join(tmpdir(), 'sagepack-shutdown-')), 'model')
    await extractArchive(iris.bundle, modelDir)
    const privateTmp = mkdtempSync(join(tmpdir(), 'sagepack-tmpdir-'))
    const port = await freePort()
    const runtime = start([RUNTIME_BIN, 'serve'], {
      SM_MODEL_DIR: modelDir,
      SAGEMAKER_BIND_TO_PORT: String(port),
      SAGEPACK_BIND_HOST: '127.0.0.1',
      SAGEMAKER_MODEL_SERVER_WORKERS: '1',
      SAGEPACK_ACCESS_LOG: '1',
      TMPDIR: privateTmp,
    })
    try {
      await waitForPing(`http://127.0.0.1:${port}`)
      const load = await loaded(port)
      runtime.child.kill('SIGTERM')
      const counts = await load.finished
      const exit = await runtime.exited
      expect(
        { exit, reset: counts.reset, refused: counts.refused, left: leftIn(privateTmp) },
        `${JSON.stringify(counts)}
${runtime.output().slice(-2000)}`,
      ).toEqual({ exit: 0, reset: 0, refused: 16, left: [] })
      expect(counts.answered).toBeGreaterThan(200)
      expect(runtime.output()).not.toContain('connection closed before the response was sent')
    } finally {
      runtime.child.kill('SIGKILL')
    }
  }, 90_000)

  it('on Ctrl-C to `sagepack serve` (SIGINT to the group, SIGTERM forwarded): drains once, exits 0, leaves $TMPDIR empty', async () => {
    const privateTmp = mkdtempSync(join(tmpdir(), 'sagepack-tmpdir-'))
    const port = await freePort()
    const served = start(
      [CLI_BIN, 'serve', 'iris', '--bundle', iris.bundle, '--port', String(port), '--workers', '1'],
      {
        TMPDIR: privateTmp,
      },
    )
    try {
      await waitForPing(`http://127.0.0.1:${port}`)
      const load = await loaded(port)
      process.kill(-(served.child.pid as number), 'SIGINT')
      const counts = await load.finished
      const exit = await served.exited
      expect(
        { exit, reset: counts.reset, refused: counts.refused, left: leftIn(privateTmp) },
        `${JSON.stringify(counts)}
${served.output().slice(-2000)}`,
      ).toEqual({ exit: 0, reset: 0, refused: 16, left: [] })
      expect(counts.answered).toBeGreaterThan(200)
      expect(served.output()).toMatch(/SIG(INT|TERM): finishing in-flight requests, then exiting/)
      expect(served.output()).not.toContain('exiting without waiting for requests')
    } finally {
      try {
        process.kill(-(served.child.pid as number), 'SIGKILL')
      } catch {
        // Already gone, as it should be.
      }
    }
  }, 90_000)
})
