import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { INVOCATION_WORKER_SOURCE, workerLaunch } from './worker-launch'

describe('workerLaunch', () => {
  it('starts the TypeScript source through a bootstrap that registers tsx in the worker', () => {
    const launch = workerLaunch()
    expect(launch.eval).toBe(true)
    expect(launch.script).toContain('.register()')
    expect(launch.script).toContain(JSON.stringify(pathToFileURL(INVOCATION_WORKER_SOURCE).href))
  })

  it('starts a bundled worker script as it is', () => {
    expect(workerLaunch('/opt/runtime/invocation-worker.mjs')).toEqual({
      script: pathToFileURL('/opt/runtime/invocation-worker.mjs'),
      eval: false,
    })
    const url = new URL('file:///opt/runtime/invocation-worker.js')
    expect(workerLaunch(url)).toEqual({ script: url, eval: false })
  })
})
