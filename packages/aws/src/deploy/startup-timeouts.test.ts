import { describe, expect, it } from 'vitest'
import { startupTimeouts } from './startup-timeouts'

const MiB = 2 ** 20
const GiB = 2 ** 30

describe('startupTimeouts', () => {
  // archive bytes, extracted bytes -> download timeout, health check timeout (seconds)
  const cases: Array<[string, number, number, number, number]> = [
    ['iris (a few KiB): a minute and the second begun', 40 * 1024, 60 * 1024, 61, 61],
    ['100 MiB of weights', 95 * MiB, 100 * MiB, 60 + 10, 60 + 3],
    ['1 GiB of random weights (gzip gains nothing)', GiB, GiB, 60 + 103, 60 + 30],
    ['uncompressed model data: archive = files', 10 * GiB, 10 * GiB, 60 + 1024, 60 + 300],
    ['40 GiB: the download reaches the 3600 s ceiling', 38 * GiB, 40 * GiB, 3600, 60 + 1200],
    ['200 GiB: both at the ceiling', 200 * GiB, 200 * GiB, 3600, 3600],
    ['an empty bundle: the 60 s floor', 0, 0, 60, 60],
  ]
  for (const [name, archiveBytes, extractedBytes, download, health] of cases) {
    it(name, () => {
      expect(startupTimeouts({ archiveBytes, extractedBytes })).toEqual({
        modelDataDownloadTimeoutInSeconds: download,
        containerStartupHealthCheckTimeoutInSeconds: health,
      })
    })
  }
})
