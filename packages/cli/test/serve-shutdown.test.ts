// End to end: the runtime stops under load without losing a request, as SageMaker stops it (SIGTERM)
// and as a person stops `pnpm serve` (Ctrl-C, which the terminal sends to the whole process group),
// and leaves nothing behind in $TMPDIR.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractArchive } from '@sagepack/bundle'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BundledIris,
  FLOWERS_CSV,
  freePort,
  trainAndBundleIris,
  waitForPing,
} from './bundled-model.fixture'
import { keepAliveLoad } from './keep-alive-load.fixture'
import { WORKSPACE_ROOT } from './run-cli'

const RUNTIME_BIN = fileURLToPath(new URL('../bin/sagepack-runtime.mjs', import.meta.url))
const CLI_BIN = fileURLToPath(new URL('../bin/sagepack.mjs', import.meta.url))

let iris: BundledIris
beforeAll(async () => {
  iris = await trainAndBundleIris(5)
}, 120_000)

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
