// SDK client mocks (aws-sdk-client-mock) kept to the test file that made them: reset before each test,
// and the real clients put back after the file, since the files of a vitest fork share one process.
import { afterAll, beforeEach } from 'vitest'

interface ClientStub {
  reset(): unknown
  restore(): void
}

export function keepMocksToThisFile(...stubs: ClientStub[]): void {
  beforeEach(() => {
    for (const stub of stubs) stub.reset()
  })
  afterAll(() => {
    for (const stub of stubs) stub.restore()
  })
}
