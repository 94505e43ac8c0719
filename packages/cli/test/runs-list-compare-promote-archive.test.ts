// End to end on real iris runs: `sagepack runs <model>` (the table), `runs compare`, `runs promote`
// (release.json, refusing a failed run), bundling that checks the promoted artifacts, `runs archive`.
// The commands run in a scratch workspace, so release.json is never written into the real models/iris/.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { locateModel, newRunId } from '@sagepack/core-train/workspace'
import { formatDelta, formatMetric, headlineMetrics } from '@sagepack/runs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBundle } from '../src/build-bundle/build-bundle'
import { sagepack, WORKSPACE_ROOT } from './run-cli'
import { runMain } from './run-main'

const startedIn = process.cwd()
let workspace: string
let runsRoot: string
/** Trained with the default learning rate, then with 0.05; `failed` is a copy of the first marked failed. */
let first: string
let second: string
let failed: string

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
/** models/iris/config.json of the scratch workspace, with these champion gates. */
const writeGates = (gates: unknown[]) =>
  writeFileSync(join(workspace, 'models', 'iris', 'config.json'), JSON.stringify({ evaluate: { gates } }))
const runFile = (runId: string, path: string) => join(runsRoot, 'iris', runId, path)

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'sagepack-runs-workspace-'))
  writeFileSync(join(workspace, 'pnpm-workspace.yaml'), 'packages: []\n')
  // What locateModel looks for, and the package.json a bundle reads its version from.
  for (const path of ['config.ts', 'train/index.ts', 'package.json']) {
    cpSync(join(WORKSPACE_ROOT, 'models', 'iris', path), join(workspace, 'models', 'iris', path))
  }
  // The champion gate reads the model's config, whose imports resolve through the model's packages.
  symlinkSync(
    join(WORKSPACE_ROOT, 'models', 'iris', 'node_modules'),
    join(workspace, 'models', 'iris', 'node_modules'),
  )
  // Runs of 8 epochs: gates every such run passes; the gate tests below write their own.
  writeGates([{ metric: 'accuracy', floor: 0.3 }])
  runsRoot = join(workspace, 'runs')
  for (const settings of [['train.epochs=8'], ['train.epochs=8', 'train.learningRate=0.05']]) {
    const trained = await sagepack([
      'train',
      'iris',
      '--runs-dir',
      runsRoot,
      ...settings.flatMap((setting) => ['--set', setting]),
    ])
    expect(trained.code, trained.stderr).toBe(0)
  }
  ;[first, second] = readdirSync(join(runsRoot, 'iris')).sort() as [string, string]
  // A run that failed after its config was resolved: no metrics, no model, exit 1.
  failed = newRunId(new Date(Date.now() + 60_000))
  mkdirSync(join(runsRoot, 'iris', failed))
  cpSync(runFile(first, 'config.json'), runFile(failed, 'config.json'))
  writeFileSync(
    runFile(failed, 'run.json'),
    JSON.stringify({
      ...readJson(runFile(first, 'run.json')),
      id: failed,
      status: 'failed',
      exitCode: 1,
      durationSeconds: 0.8,
      failure: 'data check failed: iris.csv has 3 missing values',
    }),
  )
  process.chdir(workspace)
}, 120_000)

afterAll(() => {
  process.chdir(startedIn)
})

describe('sagepack runs <model>', () => {
  it('lists every run oldest first, the failed one too, with commit, metrics, backend and time', async () => {
    const listed = await runMain('runs', 'iris')
    expect(listed.code, listed.stderr).toBe(0)
    const lines = listed.stdout.split('\n')
    const header = lines[0] as string
    expect(header).toMatch(
      /^run +started \(UTC\) +status +commit +dirty +test_accuracy +test_f1_macro +test_log_loss +backend +time$/,
    )
    const commit = (readJson(runFile(first, 'run.json')).git.commit as string).slice(0, 7)
    const metrics = readJson(runFile(second, 'metrics.json'))
    const columnOf = (line: string, text: string) => line.indexOf(` ${text}`) + 1
    expect(lines[1]).toMatch(
      new RegExp(`^${first} +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +completed +${commit} +(yes|no) `),
    )
    expect(lines[2]).toContain(` ${formatMetric(metrics.test.accuracy)} `)
    expect(lines[2]).toMatch(new RegExp(` ${metrics.backend.name} +\\d+\\.\\d s$`))
    expect(lines[3]).toMatch(
      new RegExp(`^${failed} .* failed \\(exit 1\\) +${commit} .* - +- +- +- +0\\.8 s$`),
    )
    for (const [i, status] of [
      [1, 'completed'],
      [2, 'completed'],
      [3, 'failed'],
    ] as const) {
      expect(columnOf(lines[i] as string, status)).toBe(columnOf(header, 'status'))
    }
    expect(lines.slice(4)).toEqual(['', '3 runs of iris in runs/iris/', ''])
  })
})

describe('sagepack runs compare', () => {
  it('shows the config keys that differ and every metric with its delta', async () => {
    const compared = await runMain('runs', 'compare', 'iris', first, second)
    expect(compared.code, compared.stderr).toBe(0)
    const text = compared.stdout
    expect(text).toMatch(new RegExp(`^run +${first} +${second}\n`))
    expect(text).toMatch(
      /\nconfig: 1 of \d+ keys differ +\S+ +\S+\n {2}train\.learningRate +0\.01 +0\.05\n\n/,
    )
    const [a, b] = [first, second].map((id) => headlineMetrics(readJson(runFile(id, 'metrics.json'))))
    for (const key of ['test.accuracy', 'validation.log_loss', 'train.f1_macro']) {
      const row = [formatMetric(a?.[key]), formatMetric(b?.[key]), formatDelta(a?.[key], b?.[key])]
      expect(text).toMatch(
        new RegExp(`\n {2}${key.replace('.', '\\.')} +${row.map((v) => v.replace('+', '\\+')).join(' +')}\n`),
      )
    }
  })
})

describe('sagepack runs promote', () => {
  const releaseFile = () => join(workspace, 'models', 'iris', 'release.json')

  it('refuses a failed run, naming it and why', async () => {
    const refused = await runMain('runs', 'promote', 'iris', failed)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe(
      [
        `error: run iris/${failed}: is failed, not completed (data check failed: iris.csv has 3 missing values); only a completed run can be released`,
        '  expected: a completed run (runs/iris/<run-id>/run.json with "status": "completed")',
        '  fix: pick a completed run from `sagepack runs iris`, or train one with `pnpm train iris`',
        '',
      ].join('\n'),
    )
    expect(existsSync(releaseFile())).toBe(false)
  })

  it('writes release.json: run id, artifacts digest as sha256sum computes it, config digest, metrics', async () => {
    const promoted = await runMain('runs', 'promote', 'iris', second)
    expect(promoted.code, promoted.stderr).toBe(0)
    const release = readJson(releaseFile())
    const bySha256sum = execFileSync(
      'bash',
      ['-c', "find . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum"],
      { cwd: runFile(second, 'model'), encoding: 'utf8' },
    ).slice(0, 64)
    const metrics = readJson(runFile(second, 'metrics.json'))
    expect(release).toEqual({
      format: 'sagepack.release/v1',
      model: 'iris',
      runId: second,
      sha256: bySha256sum,
      artifacts: readdirSync(runFile(second, 'model'))
        .sort()
        .map((path) => ({
          path,
          sha256: createHash('sha256')
            .update(readFileSync(runFile(second, `model/${path}`)))
            .digest('hex'),
          size: readFileSync(runFile(second, `model/${path}`)).length,
        })),
      configSha256: createHash('sha256')
        .update(readFileSync(runFile(second, 'config.json')))
        .digest('hex'),
      metrics: headlineMetrics(metrics),
      backend: metrics.backend.name,
      git: readJson(runFile(second, 'run.json')).git,
      evaluation: { metrics: expect.any(Object) },
    })
    // The report's test metrics, scored from the run's predictions as the report scores them.
    expect(Object.keys(release.evaluation.metrics)).toEqual([
      'accuracy',
      'f1_macro',
      'precision_macro',
      'recall_macro',
      'log_loss',
      'roc_auc',
      'average_precision',
      'ece',
    ])
    expect(release.evaluation.metrics.accuracy).toBe(metrics.test.accuracy)
    expect(release.evaluation.metrics.f1_macro).toBeCloseTo(metrics.test.f1_macro, 12)
    expect(promoted.stdout).toMatch(/\n {2}gate passed: accuracy [0-9.]+ is at or above its floor 0\.3\n/)
    expect(promoted.stdout).toContain(`promoted run iris/${second} in models/iris/release.json\n`)
    expect(promoted.stdout).toContain(`  artifacts sha256 ${bySha256sum} (`)
    expect((await runMain('runs', 'iris')).stdout).toMatch(
      new RegExp(`\n${second} +\\S+ \\S+ +completed, released `),
    )
  })

  it('refuses a run that fails a gate, naming the metric, its value, the limit and the champion', async () => {
    const before = readFileSync(releaseFile(), 'utf8')
    const champion = readJson(releaseFile()).evaluation.metrics.log_loss
    writeGates([{ metric: 'log_loss', ceiling: 0.001 }])
    const refused = await runMain('runs', 'promote', 'iris', first)
    expect(refused.code).toBe(2)
    const logLoss = readJson(runFile(first, 'metrics.json')).test.log_loss
    expect(refused.stderr).toContain(
      `error: run iris/${first}: fails 1 champion gate of models/iris/config.ts (evaluate.gates):\n`,
    )
    // The report's log loss renormalises the float32 probabilities: metrics.json's to 4 digits.
    expect(refused.stderr).toContain(
      `  - log_loss ${Number(logLoss.toPrecision(4))} is above its ceiling 0.001 (champion ${Number(champion.toPrecision(4))})\n`,
    )
    expect(refused.stderr).toContain(
      'fix: train a better run, or release this one anyway with --force --reason "why"',
    )
    expect(readFileSync(releaseFile(), 'utf8')).toBe(before)
  })

  it('releases it with --force --reason, recording the override, and wants both flags', async () => {
    expect((await runMain('runs', 'promote', 'iris', first, '--force')).stderr).toContain(
      'error: --force: comes without --reason',
    )
    const forced = await runMain(
      'runs',
      'promote',
      'iris',
      first,
      '--force',
      '--reason',
      'hotfix: the old champion leaks PII',
    )
    expect(forced.code, forced.stderr).toBe(0)
    const release = readJson(releaseFile())
    expect(release.runId).toBe(first)
    expect(release.override.reason).toBe('hotfix: the old champion leaks PII')
    expect(release.override.failedGates).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^log_loss [0-9.]+ is above its ceiling 0\.001 \(champion [0-9.]+\)$/),
      ]),
    )
    expect(forced.stdout).toContain('gate FAILED (overridden): log_loss')
    // Back to the second run, under gates it passes, for the tests below.
    writeGates([{ metric: 'accuracy', floor: 0.3 }])
    const restored = await runMain('runs', 'promote', 'iris', second)
    expect(restored.code, restored.stderr).toBe(0)
    expect(readJson(releaseFile()).override).toBeUndefined()
  })

  it('bundles the promoted run, and refuses it once its artifacts differ from release.json', async () => {
    const built = await buildBundle({
      workspaceRoot: WORKSPACE_ROOT,
      folder: { ...locateModel(WORKSPACE_ROOT, 'iris'), dir: join(workspace, 'models', 'iris') },
      runsRoot,
      outFile: join(workspace, 'promoted.tar.gz'),
      out: new PassThrough(),
    })
    expect(built?.manifest.runId).toBe(second)

    appendFileSync(runFile(second, 'model/weights.bin'), Buffer.from([0]))
    const refused = await runMain('bundle', 'iris', '--out', join(workspace, 'tampered.tar.gz'))
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`error: run iris/${second}: its artifacts (model/) have sha256 `)
    expect(refused.stderr).toContain(
      `but models/iris/release.json promoted sha256 ${readJson(releaseFile()).sha256}; weights.bin differs\n`,
    )
    expect(existsSync(join(workspace, 'tampered.tar.gz'))).toBe(false)
  }, 60_000)
})

describe('sagepack runs archive', () => {
  it('moves a run to runs/.archive/, out of the list but kept, and refuses the released run', async () => {
    const released = await runMain('runs', 'archive', 'iris', second)
    expect(released.code).toBe(2)
    expect(released.stderr).toContain('is the run models/iris/release.json releases')

    const before = readFileSync(runFile(first, 'metrics.json'))
    const archived = await runMain('runs', 'archive', 'iris', first)
    expect(archived.code, archived.stderr).toBe(0)
    expect(archived.stdout).toContain(`archived run iris/${first}: moved to runs/.archive/iris/${first}\n`)
    expect(existsSync(runFile(first, '.'))).toBe(false)
    expect(readFileSync(join(runsRoot, '.archive', 'iris', first, 'metrics.json'))).toEqual(before)

    const listed = (await runMain('runs', 'iris')).stdout
    expect(listed).not.toContain(first)
    expect(listed).toContain('\n2 runs of iris in runs/iris/; 1 archived (--archived lists them)\n')
    expect((await runMain('runs', 'iris', '--archived')).stdout).toMatch(
      new RegExp(`\n${first} +\\S+ \\S+ +completed, archived `),
    )
    expect((await runMain('runs', 'archive', 'iris', first)).stderr).toContain('is archived already')
    // .archive is neither a model nor a run to the other commands.
    expect((await runMain('runs', '.archive')).stderr).toContain(
      'error: model ".archive": is not a model name',
    )
    expect((await runMain('runs', 'push', 'iris', '.archive')).stderr).toContain(
      'error: run ".archive": is not a run id',
    )
  })
})

describe('sagepack runs --help', () => {
  it('says that `sagepack runs <model>` lists, and keeps every subcommand', async () => {
    const help = await runMain('runs', '--help')
    expect(help.stdout).toContain('Usage: sagepack runs <model> [--archived] | <command> [options] <args>')
    for (const name of ['list', 'compare', 'promote', 'archive', 'push', 'pull']) {
      expect(help.stdout).toMatch(new RegExp(`\n  ${name} \\[options\\] <model>`))
    }
    const bare = await runMain('runs')
    expect(bare.code).toBe(2)
    expect(bare.stderr).toContain("missing required argument 'model'")
  })
})
