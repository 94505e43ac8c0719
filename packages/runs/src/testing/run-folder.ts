// Test support: a run folder shaped like the ones `sagepack train` writes, and a listing of a folder
// tree precise enough to tell two trees apart (paths, kinds, modes, digests).
import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export async function writeRunFolder(
  runsRoot: string,
  model: string,
  runId: string,
  status: 'completed' | 'running' = 'completed',
): Promise<string> {
  const dir = join(runsRoot, model, runId)
  const files: Record<string, string | Buffer> = {
    'run.json': `${JSON.stringify({ id: runId, model, executor: 'local', status, startedAt: '2026-11-23T16:45:12.000Z' }, null, 2)}\n`,
    'config.json': '{"train":{"epochs":40}}\n',
    'metrics.json': '{"accuracy":0.96}\n',
    'model/model.onnx': randomBytes(200 * 1024),
    'model/preprocessor.json': '{"format":"sagepack.preprocessor/v1"}\n',
    'checkpoints/epoch-000040-ab12/model-weights.bin': Buffer.alloc(64 * 1024),
    'results/test-predictions.csv': 'label,prediction\nsetosa,setosa\n',
    'logs/train.log': 'epoch 1\n',
    'input/config/hyperparameters.json': '{"train.epochs":"40"}\n',
    'model/run-me.sh': '#!/bin/sh\necho hi\n',
  }
  // Modes set outright, so the umask of the machine running the tests does not matter.
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true, mode: 0o755 })
    await writeFile(join(dir, path), content)
    await chmod(join(dir, path), path.endsWith('.sh') ? 0o755 : 0o644)
  }
  // SageMaker's layout has empty folders (output/data/); a pulled run keeps them.
  await mkdir(join(dir, 'output', 'data'), { recursive: true })
  for (const folder of [
    '',
    'model',
    'checkpoints',
    'checkpoints/epoch-000040-ab12',
    'results',
    'logs',
    'input',
    'input/config',
    'output',
    'output/data',
  ]) {
    await chmod(join(dir, folder), 0o755)
  }
  return dir
}

/** `kind path mode [sha256]` for every folder and file under `dir`, sorted. */
export async function treeListing(dir: string): Promise<string[]> {
  const lines: string[] = []
  const walk = async (relative: string) => {
    for (const entry of await readdir(join(dir, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`
      const full = join(dir, path)
      const mode = ((await stat(full)).mode & 0o777).toString(8)
      if (entry.isDirectory()) {
        lines.push(`folder ${path} ${mode}`)
        await walk(path)
      } else {
        const sha256 = createHash('sha256')
          .update(await readFile(full))
          .digest('hex')
        lines.push(`${entry.isFile() ? 'file' : 'other'} ${path} ${mode} ${sha256}`)
      }
    }
  }
  await walk('')
  return lines.sort()
}
