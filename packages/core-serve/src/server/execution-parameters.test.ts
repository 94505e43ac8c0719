import { availableParallelism } from 'node:os'
import { UserError } from '@sagepack/core-data'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FakeRunner, type StartedServer, startServer } from './fake-runner'
import { createInferenceServer } from './inference-server'

let started: StartedServer | undefined
afterEach(async () => {
  vi.unstubAllEnvs()
  await started?.handle.close(0)
  started = undefined
})

async function executionParameters(url: string): Promise<unknown> {
  const response = await fetch(`${url}/execution-parameters`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json')
  return response.json()
}

describe('GET /execution-parameters', () => {
  it('defaults to one transform per CPU, MULTI_RECORD and 6 MB', async () => {
    vi.stubEnv('SAGEMAKER_MAX_PAYLOAD_IN_MB', '')
    started = await startServer()
    expect(await executionParameters(started.url)).toEqual({
      MaxConcurrentTransforms: availableParallelism(),
      BatchStrategy: 'MULTI_RECORD',
      MaxPayloadInMB: 6,
    })
  })

  it('answers what it was given, and enforces that payload limit', async () => {
    vi.stubEnv('SAGEMAKER_MAX_PAYLOAD_IN_MB', '')
    const given = { MaxConcurrentTransforms: 3, BatchStrategy: 'SINGLE_RECORD', MaxPayloadInMB: 1 } as const
    started = await startServer(new FakeRunner(), { executionParameters: given })
    expect(await executionParameters(started.url)).toEqual(given)
    const body = `${'1,2,3,4\n'.repeat(140_000)}` // about 1.1 MB
    const response = await fetch(`${started.url}/invocations`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/csv' },
    })
    expect(response.status).toBe(413)
  })

  it('takes the payload limit from SAGEMAKER_MAX_PAYLOAD_IN_MB, as Batch Transform sets it', async () => {
    vi.stubEnv('SAGEMAKER_MAX_PAYLOAD_IN_MB', '2')
    started = await startServer()
    expect(await executionParameters(started.url)).toMatchObject({ MaxPayloadInMB: 2 })
    const post = (megabytes: number) =>
      fetch(`${started?.url}/invocations`, {
        method: 'POST',
        body: `${'1,2,3,4\n'.repeat(megabytes * 131_072)}`,
        headers: { 'content-type': 'text/csv' },
      })
    expect((await post(1.5)).status).toBe(200)
    expect((await post(2.5)).status).toBe(413)
  })

  it('refuses a SAGEMAKER_MAX_PAYLOAD_IN_MB that is not a positive number, naming it', () => {
    vi.stubEnv('SAGEMAKER_MAX_PAYLOAD_IN_MB', 'six')
    expect(() => createInferenceServer(new FakeRunner())).toThrow(UserError)
    expect(() => createInferenceServer(new FakeRunner())).toThrow(/^SAGEMAKER_MAX_PAYLOAD_IN_MB: "six"/)
  })
})
