// The training code `train --on sagemaker` builds, run the way a SageMaker job runs it: the runtime
// image's runtime.mjs with `train`, /opt/ml laid out by SageMaker with the data and `code` channels,
// and the image's packages found from the code channel (the Dockerfile links /opt/node_modules).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildTrainingCode } from '@sagepack/aws'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { describe, expect, it } from 'vitest'
import { buildRuntime } from '../src/runtime/build-runtime'
import { linkImagePackages } from '../src/runtime/image-packages.fixture'

const workspaceRoot = findWorkspaceRoot(fileURLToPath(import.meta.url))
function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(value))
}

describe('the training code in the runtime image', () => {
  it('is one ES module with the image packages external, and trains from the code channel', async () => {
    const folder = locateModel(workspaceRoot, 'iris')
    const code = await buildTrainingCode({ workspaceRoot, folder })
    const source = Buffer.from(code.source).toString('utf8')
    expect(
      source.startsWith(
        '// sagepack training code for model iris; built by `sagepack train iris --on sagemaker`.',
      ),
    ).toBe(true)
    // tfjs is the image's, so a native backend the image brings registers with the tfjs that trains.
    expect(code.externals).toEqual({ '@tensorflow/tfjs': expect.stringMatching(/^\d+\.\d+\.\d+$/) })

    const root = mkdtempSync(join(tmpdir(), 'sagepack-image-'))
    const image = join(root, 'opt', 'sagepack')
    await buildRuntime(image)
    linkImagePackages(join(image, 'node_modules'))
    symlinkSync(join(image, 'node_modules'), join(root, 'opt', 'node_modules'))
    for (const dockerfile of ['Dockerfile', 'Dockerfile.gpu']) {
      expect(readFileSync(join(workspaceRoot, 'containers', 'runtime', dockerfile), 'utf8')).toContain(
        'RUN ln -s /opt/sagepack/node_modules /opt/node_modules',
      )
    }
    // /opt/ml as SageMaker lays it out for the job `train --on sagemaker` sends.
    const ml = join(root, 'opt', 'ml')
    writeJson(join(ml, 'input', 'config', 'hyperparameters.json'), {
      sagepack_model: '"iris"',
      'train.epochs': '3',
    })
    writeJson(join(ml, 'input', 'config', 'inputdataconfig.json'), {
      train: {
        ContentType: 'text/csv',
        TrainingInputMode: 'File',
        S3DistributionType: 'FullyReplicated',
        RecordWrapperType: 'None',
      },
      code: { TrainingInputMode: 'File', S3DistributionType: 'FullyReplicated', RecordWrapperType: 'None' },
    })
    writeJson(join(ml, 'input', 'config', 'resourceconfig.json'), {
      current_host: 'algo-1',
      hosts: ['algo-1'],
    })
    mkdirSync(join(ml, 'input', 'data', 'train'), { recursive: true })
    writeFileSync(
      join(ml, 'input', 'data', 'train', 'iris.csv'),
      readFileSync(join(folder.dir, 'data', 'iris.csv')),
    )
    mkdirSync(join(ml, 'input', 'data', 'code'), { recursive: true })
    writeFileSync(join(ml, 'input', 'data', 'code', 'train.mjs'), code.source)

    const child = spawn(process.execPath, [join(image, 'runtime.mjs'), 'train'], {
      env: { PATH: process.env.PATH ?? '', SAGEMAKER_BASE_DIR: ml },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(exitCode, output).toBe(0)
    expect(output).toMatch(/^epoch=3 /m)
    expect(existsSync(join(ml, 'model', 'model.onnx'))).toBe(true)
    expect(JSON.parse(readFileSync(join(ml, 'output', 'data', 'config.json'), 'utf8')).train.epochs).toBe(3)
  }, 60_000)
})
