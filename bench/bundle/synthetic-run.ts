// Writes a completed iris run whose weights.bin holds N MiB of float32 weights drawn like a trained
// layer's (normal, small): the input the bundle benchmark archives with sagepack and with its peers.

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface SyntheticRun {
  runsRoot: string
  runId: string
  modelDir: string
}

const RUN_ID = '20260101-000000-bench'

export async function writeSyntheticRun(root: string, weightsMiB: number): Promise<SyntheticRun> {
  const runDir = join(root, 'runs', 'iris', RUN_ID)
  const modelDir = join(runDir, 'model')
  await mkdir(modelDir, { recursive: true })
  await writeFile(
    join(runDir, 'run.json'),
    JSON.stringify({
      id: RUN_ID,
      model: 'iris',
      executor: 'local',
      status: 'completed',
      startedAt: '2026-01-01T00:00:00.000Z',
      git: { commit: null, dirty: false },
    }),
  )
  await writeFile(join(runDir, 'config.json'), JSON.stringify({ seed: 1 }))
  await writeFile(
    join(modelDir, 'model.json'),
    JSON.stringify({ format: 'layers-model', weightsManifest: [{ paths: ['weights.bin'], weights: [] }] }),
  )
  await writeFile(join(modelDir, 'preprocessor.json'), JSON.stringify({ format: 'sagepack.preprocessor/v1' }))
  await writeWeights(join(modelDir, 'weights.bin'), weightsMiB)
  return { runsRoot: join(root, 'runs'), runId: RUN_ID, modelDir }
}

/** Normal(0, 0.05) float32 values by Box-Muller from a seeded xorshift, streamed 8 MiB at a time. */
async function writeWeights(path: string, mib: number): Promise<void> {
  const out = createWriteStream(path)
  let state = 0x9e3779b9
  const uniform = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return ((state >>> 0) + 0.5) / 4294967296
  }
  const chunkFloats = (8 * 1024 * 1024) / 4
  for (let written = 0; written < mib; written += 8) {
    const floats = new Float32Array(chunkFloats)
    for (let i = 0; i < chunkFloats; i += 2) {
      const r = Math.sqrt(-2 * Math.log(uniform())) * 0.05
      const theta = 2 * Math.PI * uniform()
      floats[i] = r * Math.cos(theta)
      floats[i + 1] = r * Math.sin(theta)
    }
    if (!out.write(Buffer.from(floats.buffer))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}
