import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { archiveProgress } from './archive-progress'

function captureStream(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return Object.assign(stream, { isTTY, columns: 120, text: () => chunks.join('') })
}

function writeInTenSteps(update: (done: number, total: number) => void, total: number): void {
  for (let step = 0; step <= 10; step++) update((total * step) / 10, total)
}

describe('archiveProgress', () => {
  it('draws a bar in MiB for a large archive on a terminal', () => {
    const stream = captureStream(true)
    const progress = archiveProgress({ stream })
    writeInTenSteps(progress.update, 200 * 2 ** 20)
    progress.stop()
    expect(stream.text()).toContain('writing model.tar.gz')
    expect(stream.text()).toContain('/200 MiB')
  })

  it('stays silent for small archives and when stderr is not a terminal', () => {
    const small = captureStream(true)
    const quiet = archiveProgress({ stream: small })
    writeInTenSteps(quiet.update, 10 * 2 ** 20)
    quiet.stop()
    expect(small.text()).toBe('')
    const piped = captureStream(false)
    const silent = archiveProgress({ stream: piped })
    writeInTenSteps(silent.update, 500 * 2 ** 20)
    silent.stop()
    expect(piped.text()).toBe('')
  })
})
