// The closing totals of .ci/run, run as CI runs them (tsx .ci/sum-test-results.ts at a workspace root)
// in small fake workspaces with the real pnpm-workspace.yaml: every tested package is counted wherever
// the workspace globs put it, and a missing report, an old report or an error thrown outside any test
// can never read as green. The last case makes its reports with real vitest runs of the shared config.
import { execFile } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { UNHANDLED_ERRORS_REPORT, VITEST_REPORT } from './test-report-files'
import type { UnhandledErrorsReport } from './unhandled-errors-reporter'

const CI_DIR = dirname(fileURLToPath(import.meta.url))
const WORKSPACE_ROOT = dirname(CI_DIR)
const TSX = join(CI_DIR, 'node_modules', '.bin', 'tsx')
const VITEST = join(CI_DIR, 'node_modules', '.bin', 'vitest')
const SCRIPT = join(CI_DIR, 'sum-test-results.ts')

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A workspace root with the real pnpm-workspace.yaml, and a root `test` script (never counted itself). */
function fakeWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'sagepack-ci-'))
  roots.push(root)
  copyFileSync(join(WORKSPACE_ROOT, 'pnpm-workspace.yaml'), join(root, 'pnpm-workspace.yaml'))
  writeJson(root, 'package.json', { name: 'fake-root', private: true, scripts: { test: 'turbo run test' } })
  return root
}

function writeJson(root: string, path: string, value: unknown): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), `${JSON.stringify(value)}\n`)
}

function addPackage(root: string, dir: string, options: { test: boolean }): void {
  const scripts = options.test ? { test: 'vitest run', typecheck: 'tsc' } : { typecheck: 'tsc' }
  writeJson(root, `${dir}/package.json`, { name: `@fake/${dir.replace('/', '-')}`, private: true, scripts })
}

/** The two reports one vitest run of the shared config leaves, as vitest and our reporter write them. */
function addReports(
  root: string,
  dir: string,
  counts: { passed: number; failed?: number; skipped?: number },
  outside: UnhandledErrorsReport = { reason: 'passed', errors: [] },
): void {
  const failed = counts.failed ?? 0
  const tests = [
    ...Array.from({ length: counts.passed }, () => ({ status: 'passed' })),
    ...Array.from({ length: failed }, () => ({ status: 'failed' })),
  ]
  writeJson(root, `${dir}/${VITEST_REPORT}`, {
    numTotalTests: tests.length + (counts.skipped ?? 0),
    numPassedTests: counts.passed,
    numFailedTests: failed,
    numPendingTests: counts.skipped ?? 0,
    numTodoTests: 0,
    success: failed === 0,
    testResults: [
      {
        name: join(root, dir, 'a.test.ts'),
        status: failed > 0 ? 'failed' : 'passed',
        message: '',
        assertionResults: tests,
      },
    ],
  })
  writeJson(root, `${dir}/${UNHANDLED_ERRORS_REPORT}`, outside)
}

interface Run {
  code: number
  lines: string[]
}

function run(command: string, args: string[], cwd: string): Promise<Run & { output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, lines: stdout.trimEnd().split('\n'), output: `${stdout}${stderr}` })
    })
  })
}

const sumTestResults = (root: string, ...args: string[]) => run(TSX, [SCRIPT, ...args], root)

describe('sum-test-results', () => {
  it('counts every package with a test script wherever the workspace globs put it, cloudformation too', async () => {
    const root = fakeWorkspace()
    addPackage(root, 'packages/core', { test: true })
    addReports(root, 'packages/core', { passed: 3 })
    addPackage(root, 'models/iris', { test: true })
    addReports(root, 'models/iris', { passed: 2, failed: 1 })
    addPackage(root, 'cloudformation', { test: true })
    addReports(root, 'cloudformation', { passed: 4, failed: 1, skipped: 1 })
    // Benchmarks have no test script: neither counted nor missing.
    addPackage(root, 'bench', { test: false })

    const result = await sumTestResults(root)
    expect(result.lines).toEqual(['9 passed, 2 failed, 1 skipped'])
    expect(result.code).toBe(1)
  })

  it('exits 0 with the totals alone when everything passed', async () => {
    const root = fakeWorkspace()
    addPackage(root, 'packages/core', { test: true })
    addReports(root, 'packages/core', { passed: 3 })
    addPackage(root, 'cloudformation', { test: true })
    addReports(root, 'cloudformation', { passed: 2 })

    expect(await sumTestResults(root)).toMatchObject({ code: 0, lines: ['5 passed, 0 failed'] })
  })

  it('counts a package without a report as one failure, and names it', async () => {
    const root = fakeWorkspace()
    addPackage(root, 'packages/core', { test: true })
    addReports(root, 'packages/core', { passed: 2 })
    addPackage(root, 'models/iris', { test: true })
    // A run that stopped before the reporter wrote its file.
    addPackage(root, 'models/spam', { test: true })
    addReports(root, 'models/spam', { passed: 1 })
    rmSync(join(root, 'models/spam', UNHANDLED_ERRORS_REPORT))

    const result = await sumTestResults(root)
    expect(result.lines).toEqual([
      'failed: models/iris: no .test-results/vitest.json: its tests did not run, or did not finish',
      'failed: models/spam: no .test-results/unhandled-errors.json: its tests did not run, or did not finish',
      '3 passed, 2 failed',
    ])
    expect(result.code).toBe(1)
  })

  it('counts each error thrown outside a test and each interrupted run as a failure', async () => {
    const root = fakeWorkspace()
    addPackage(root, 'packages/core', { test: true })
    addReports(
      root,
      'packages/core',
      { passed: 4 },
      {
        reason: 'passed',
        errors: [
          { name: 'Error', message: 'late timer\n    at somewhere' },
          { name: 'TypeError', message: 'x is not a function' },
        ],
      },
    )
    addPackage(root, 'models/iris', { test: true })
    addReports(root, 'models/iris', { passed: 1 }, { reason: 'interrupted', errors: [] })

    const result = await sumTestResults(root)
    expect(result.lines).toEqual([
      'failed: models/iris: the test run was interrupted',
      'failed: packages/core: error thrown outside any test: Error: late timer',
      'failed: packages/core: error thrown outside any test: TypeError: x is not a function',
      '5 passed, 3 failed',
    ])
  })

  it('clears old reports first (--clear), so a package whose tests do not run this time cannot count them', async () => {
    const root = fakeWorkspace()
    addPackage(root, 'packages/core', { test: true })
    addReports(root, 'packages/core', { passed: 5 })
    addPackage(root, 'cloudformation', { test: true })
    addReports(root, 'cloudformation', { passed: 7 })
    addPackage(root, 'bench', { test: false })
    writeJson(root, 'bench/.test-results/vitest.json', { numPassedTests: 1 })

    const cleared = await sumTestResults(root, '--clear')
    expect(cleared).toMatchObject({
      code: 0,
      lines: ['removed .test-results/ of 2 of the 2 tested packages'],
    })
    expect(existsSync(join(root, 'packages/core/.test-results'))).toBe(false)
    expect(existsSync(join(root, 'cloudformation/.test-results'))).toBe(false)
    expect(existsSync(join(root, 'bench/.test-results'))).toBe(true)

    // This run's tests: packages/core ran, cloudformation did not.
    addReports(root, 'packages/core', { passed: 3 })
    expect((await sumTestResults(root)).lines).toEqual([
      'failed: cloudformation: no .test-results/vitest.json: its tests did not run, or did not finish',
      '3 passed, 1 failed',
    ])
    // Two runs of the script through tsx: on a CI machine busy with every other package's tests, each
    // start took 10-15 s (the default 30 s timed out once).
  }, 120_000)

  it('refuses arguments it does not know', async () => {
    const result = await sumTestResults(fakeWorkspace(), '--clean')
    expect(result.code).toBe(2)
    expect(result.output).toContain('usage: tsx .ci/sum-test-results.ts [--clear]')
  })
})

describe('the reports of real vitest runs with the shared config', () => {
  /** A package whose vitest config is the real shared one, with the given test files. */
  function addVitestPackage(root: string, dir: string, files: Record<string, string>): void {
    addPackage(root, dir, { test: true })
    writeFileSync(
      join(root, dir, 'vitest.config.ts'),
      `export { default } from '${join(WORKSPACE_ROOT, 'vitest.shared.ts')}'\n`,
    )
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, dir, name), text)
  }

  it('count a throw outside any test, a file that fails to load and a package with no tests as failures', async () => {
    const root = fakeWorkspace()
    // The test files import vitest from here, as a package's own node_modules would give it.
    symlinkSync(join(CI_DIR, 'node_modules'), join(root, 'node_modules'))
    const passing = "import { expect, test } from 'vitest'\ntest('adds', () => expect(1 + 1).toBe(2))\n"
    addVitestPackage(root, 'packages/clean', { 'clean.test.ts': passing })
    addVitestPackage(root, 'packages/leaky', {
      'leaky.test.ts': [
        "import { expect, test } from 'vitest'",
        "test('passes, but leaves a timer that throws', async () => {",
        "  setTimeout(() => { throw new Error('thrown by a timer after its test') }, 1)",
        '  await new Promise((resolve) => setTimeout(resolve, 20))',
        '  expect(true).toBe(true)',
        '})',
        '',
      ].join('\n'),
    })
    addVitestPackage(root, 'models/broken', {
      'broken.test.ts': "throw new Error('broken at import')\n",
      'fine.test.ts': passing,
    })
    addVitestPackage(root, 'cloudformation', {})

    const runs = await Promise.all(
      ['packages/clean', 'packages/leaky', 'models/broken', 'cloudformation'].map((dir) =>
        run(VITEST, ['run'], join(root, dir)),
      ),
    )
    expect(runs.map((r) => r.code)).toEqual([0, 1, 1, 1])
    // What makes the second report necessary: vitest's own calls the leaky run a success.
    const leaky = JSON.parse(readFileSync(join(root, 'packages/leaky', VITEST_REPORT), 'utf8'))
    expect(leaky).toMatchObject({
      success: true,
      numPassedTests: 1,
      numFailedTests: 0,
      numFailedTestSuites: 0,
    })

    const result = await sumTestResults(root)
    expect(result.lines).toEqual([
      'failed: cloudformation: vitest reported the run as failed without a failed test',
      expect.stringMatching(
        /^failed: models\/broken: .*\/models\/broken\/broken\.test\.ts failed outside its tests: .*broken at import/,
      ),
      'failed: packages/leaky: error thrown outside any test: Error: thrown by a timer after its test',
      '3 passed, 3 failed',
    ])
    expect(result.code).toBe(1)
  }, 120_000)
})

describe('the CI run around it', () => {
  const commands = (file: string): string[] =>
    readFileSync(join(WORKSPACE_ROOT, file), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))

  it('runs every package past a failing one: pnpm test is turbo run test --continue', () => {
    const { scripts } = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(scripts.test).toMatch(/(^|\s)turbo run test --continue$/)
  })

  it('clears old reports before pnpm test, and prints the totals last', () => {
    const run = commands('.ci/run')
    const sum = '.ci/node_modules/.bin/tsx .ci/sum-test-results.ts'
    const clear = run.indexOf(`${sum} --clear`)
    const test = run.indexOf('pnpm test || status=1')
    expect(clear).toBeGreaterThan(-1)
    expect(test).toBeGreaterThan(clear)
    expect(run.slice(test + 1)).toEqual([`${sum} || status=1`, 'exit "$status"'])
  })
})
