// The shared config, minus the templates' tests: they run in the models generated from them
// (test/new-model-templates.test.ts), where their paths are right. The CLI's end-to-end files are the
// longest of `pnpm test` and finish last, when the other packages are done: they run on every CPU
// instead of vitest's default of one fewer (a single fork on a 2-CPU machine left a core idle for the
// last four minutes of CI).
import { availableParallelism } from 'node:os'
import { defineConfig, mergeConfig } from 'vitest/config'
import shared from '../../vitest.shared.ts'

export default mergeConfig(
  shared,
  defineConfig({ test: { exclude: ['templates/**'], maxWorkers: availableParallelism() } }),
)
