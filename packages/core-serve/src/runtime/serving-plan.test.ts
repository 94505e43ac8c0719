import { describe, expect, it } from 'vitest'
import { type ServingFacts, servingPlan } from './serving-plan'

const MiB = 2 ** 20
const GiB = 2 ** 30

describe('servingPlan', () => {
  // One row per case: the facts, then the workers, threads and weights the rule must choose.
  const cases: Array<[string, ServingFacts, { workers: number; intraOpThreads: number; weights: string }]> = [
    [
      'small ONNX model on 16 CPUs: a prepacked copy per worker, one CPU left to HTTP',
      { format: 'onnx', weightsBytes: 2 * 1024, externalData: false, memoryBytes: 64 * GiB, cpus: 16 },
      { workers: 15, intraOpThreads: 1, weights: 'private' },
    ],
    [
      'small model, SAGEMAKER_MODEL_SERVER_WORKERS=4',
      {
        format: 'onnx',
        weightsBytes: 2 * 1024,
        externalData: false,
        memoryBytes: 64 * GiB,
        cpus: 16,
        requestedWorkers: 4,
      },
      { workers: 4, intraOpThreads: 1, weights: 'private' },
    ],
    [
      '64 MiB exactly is still private',
      { format: 'onnx', weightsBytes: 64 * MiB, externalData: true, memoryBytes: 8 * GiB, cpus: 4 },
      { workers: 3, intraOpThreads: 1, weights: 'private' },
    ],
    [
      '1 GiB in model.onnx.data on 2 CPUs: shared, one worker per CPU',
      { format: 'onnx', weightsBytes: GiB, externalData: true, memoryBytes: 24 * GiB, cpus: 2 },
      { workers: 2, intraOpThreads: 1, weights: 'shared' },
    ],
    [
      '1 GiB external, SAGEMAKER_MODEL_SERVER_WORKERS=4 on 2 CPUs: shared, one thread each',
      {
        format: 'onnx',
        weightsBytes: GiB,
        externalData: true,
        memoryBytes: 24 * GiB,
        cpus: 2,
        requestedWorkers: 4,
      },
      { workers: 4, intraOpThreads: 1, weights: 'shared' },
    ],
    [
      '1 GiB external, 4 workers asked on 16 CPUs: the spare CPUs become threads',
      {
        format: 'onnx',
        weightsBytes: GiB,
        externalData: true,
        memoryBytes: 64 * GiB,
        cpus: 16,
        requestedWorkers: 4,
      },
      { workers: 4, intraOpThreads: 3, weights: 'shared' },
    ],
    [
      '1 GiB external on a 2 GiB machine: still shared (the page cache holds it once)',
      { format: 'onnx', weightsBytes: GiB, externalData: true, memoryBytes: 2 * GiB, cpus: 8 },
      { workers: 8, intraOpThreads: 1, weights: 'shared' },
    ],
    [
      '1 GiB inside model.onnx on an 8 GiB, 8-CPU machine: private copies, as many as fit (2)',
      { format: 'onnx', weightsBytes: GiB, externalData: false, memoryBytes: 8 * GiB, cpus: 8 },
      { workers: 2, intraOpThreads: 3, weights: 'private' },
    ],
    [
      '1 GiB inside model.onnx on a memory-limited machine (3 GiB): one worker with every spare CPU',
      { format: 'onnx', weightsBytes: GiB, externalData: false, memoryBytes: 3 * GiB, cpus: 8 },
      { workers: 1, intraOpThreads: 7, weights: 'private' },
    ],
    [
      '1 GiB inside model.onnx, memory-limited, but the operator asked for 3 workers: the variable wins',
      {
        format: 'onnx',
        weightsBytes: GiB,
        externalData: false,
        memoryBytes: 3 * GiB,
        cpus: 8,
        requestedWorkers: 3,
      },
      { workers: 3, intraOpThreads: 2, weights: 'private' },
    ],
    [
      '512 MiB of tfjs weights on 4 GiB: private (tfjs cannot share), two fit, one thread (tfjs runs its own)',
      { format: 'tfjs', weightsBytes: 512 * MiB, externalData: false, memoryBytes: 4 * GiB, cpus: 8 },
      { workers: 2, intraOpThreads: 1, weights: 'private' },
    ],
  ]

  for (const [name, facts, expected] of cases) {
    it(name, () => {
      const plan = servingPlan(facts)
      expect({ workers: plan.workers, intraOpThreads: plan.intraOpThreads, weights: plan.weights }).toEqual(
        expected,
      )
    })
  }

  it('says why, with the sizes and the limit it applied', () => {
    expect(
      servingPlan({ format: 'onnx', weightsBytes: GiB, externalData: true, memoryBytes: 24 * GiB, cpus: 2 })
        .reason,
    ).toBe(
      'weights of 1.0 GiB in model.onnx.data: mapped once and shared by every worker (no prepacked copy each)',
    )
    expect(
      servingPlan({ format: 'onnx', weightsBytes: GiB, externalData: false, memoryBytes: 3 * GiB, cpus: 8 })
        .reason,
    ).toBe(
      'weights of 1.0 GiB inside model.onnx cannot be shared: a private copy per worker, workers limited to 1 ' +
        'so that 2x the weights each fit in 50% of 3.0 GiB',
    )
    expect(
      servingPlan({ format: 'onnx', weightsBytes: 3 * MiB, externalData: false, memoryBytes: GiB, cpus: 2 })
        .reason,
    ).toBe('weights of 3.0 MiB (at most 64.0 MiB): a prepacked copy per worker')
  })
})
