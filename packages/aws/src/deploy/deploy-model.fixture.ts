// Test support for deploy: a small, sound bundle (real archive, real manifest) and a captured printer.

import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildManifest, serializeManifest, writeArchive } from '@sagepack/bundle'
import { SAMPLE_MANIFEST_HEADER, sha256Of } from '@sagepack/bundle/testing'

export async function writeFixtureBundle(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-deploy-'))
  const files: Record<string, Uint8Array> = {
    'code/inference.mjs': Buffer.from('export default {}\n'),
    'config.json': Buffer.from('{}\n'),
    'model.onnx': randomBytes(4096),
  }
  const manifest = buildManifest(
    {
      ...SAMPLE_MANIFEST_HEADER,
    },
    Object.entries(files).map(([archivePath, bytes]) => ({
      archivePath,
      sha256: sha256Of(bytes),
      size: bytes.length,
    })),
  )
  const entries = [...Object.entries(files), ['manifest.json', serializeManifest(manifest)] as const].map(
    ([archivePath, data]) => ({ archivePath, mode: 0o644 as const, source: { data } }),
  )
  const out = join(dir, 'model.tar.gz')
  await writeArchive(entries, out)
  return out
}

export function capturePrint(): { print: (line: string) => void; text: () => string } {
  const lines: string[] = []
  return { print: (line) => lines.push(line), text: () => lines.join('\n') }
}
