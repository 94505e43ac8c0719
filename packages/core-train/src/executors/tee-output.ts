// Copies a child's output to several streams as it arrives.
import type { Readable } from 'node:stream'

export function teeOutput(source: Readable, targets: NodeJS.WritableStream[]): void {
  source.on('data', (chunk: Buffer) => {
    for (const target of targets) target.write(chunk)
  })
}
