// `sagepack serve` and the runtime refuse settings a user can get wrong with one line of error and
// exit code 2, before anything is extracted or built, and without a stack trace.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCommand, sagepack } from './run-cli'

const RUNTIME_BIN = fileURLToPath(new URL('../bin/sagepack-runtime.mjs', import.meta.url))
const STACK_FRAME = /^\s+at /m

describe('sagepack serve', () => {
  it('refuses a --port that is not a port number before doing any work', async () => {
    const result = await sagepack(['serve', 'iris', '--port', 'abc'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('error: --port abc: is not a port number')
    expect(result.stderr).toContain('expected: a whole number from 0 to 65535')
    expect(result.stderr).not.toMatch(STACK_FRAME)
    expect(result.stdout).not.toContain('extracted')
  }, 30_000)

  it('refuses a port above 65535 and a --workers of 0', async () => {
    const port = await sagepack(['serve', 'iris', '--port', '65536'])
    expect(port.code).toBe(2)
    expect(port.stderr).toContain('--port 65536: is not a port number')
    const workers = await sagepack(['serve', 'iris', '--workers', '0'])
    expect(workers.code).toBe(2)
    expect(workers.stderr).toContain('--workers 0: is not a number of worker threads')
    expect(workers.stderr).toContain('expected: a whole number from 1 to 9999')
  }, 30_000)
})

describe('sagepack-runtime serve', () => {
  it('prints a bad setting as one message and exits 2', async () => {
    const result = await runCommand(process.execPath, [RUNTIME_BIN, 'serve'], {
      SAGEMAKER_MODEL_SERVER_WORKERS: 'many',
      SM_MODEL_DIR: '/nonexistent',
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('SAGEMAKER_MODEL_SERVER_WORKERS=many: is not a number of worker threads')
    expect(result.stderr).not.toMatch(STACK_FRAME)
  }, 30_000)
})
