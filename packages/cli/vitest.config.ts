// The shared config, minus the templates' tests: they run in the models generated from them
// (test/new-model-templates.test.ts), where their paths are right.
import { defineConfig, mergeConfig } from 'vitest/config'
import shared from '../../vitest.shared.ts'

export default mergeConfig(shared, defineConfig({ test: { exclude: ['templates/**'] } }))
