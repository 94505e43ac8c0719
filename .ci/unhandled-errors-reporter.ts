// A vitest reporter that writes down the errors thrown outside any test: vitest 4's JSON report leaves
// them out, so a run that exits 1 for them still reports success with every test passed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Reporter, SerializedError, TestModule, TestRunEndReason, Vitest } from 'vitest/node'

export interface UnhandledErrorsReport {
  /** vitest's verdict on the run ('passed' even with unhandled errors; 'interrupted' when cut short). */
  reason: TestRunEndReason
  errors: Array<{ name: string; message: string }>
}

export class UnhandledErrorsReporter implements Reporter {
  private root = process.cwd()

  /** `outputFile` is relative to the project root, as for vitest's own JSON reporter. */
  constructor(private readonly outputFile: string) {}

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root
  }

  onTestRunEnd(
    _testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const report: UnhandledErrorsReport = {
      reason,
      errors: unhandledErrors.map((error) => ({ name: error.name ?? 'Error', message: error.message })),
    }
    const file = resolve(this.root, this.outputFile)
    mkdirSync(dirname(file), { recursive: true })
    // Whole or not at all: a half-written report would read as a package whose run broke.
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, `${JSON.stringify(report, null, 2)}\n`)
    renameSync(partial, file)
  }
}
