import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DatasetSchema } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { MAX_MODEL_NAME_LENGTH } from './model-name-rules'
import { MODEL_NAME_TOKEN, MODEL_TEMPLATES, renderTemplate, TEMPLATES_DIR } from './model-templates'

/** biome.json's lineWidth: a generated model must pass `pnpm lint` whatever its name. */
const LINE_WIDTH = 110
const LONGEST_NAME = 'x'.repeat(MAX_MODEL_NAME_LENGTH)

/** What `sagepack` and the workspace's tools need in every model folder. */
const MODEL_FILES = [
  'package.json',
  'tsconfig.json',
  'vitest.config.ts',
  'config.ts',
  'train/index.ts',
  'inference/index.ts',
  'inference/example.json',
]

describe('the model templates', () => {
  it('are the folders under templates/', () => {
    expect(readdirSync(TEMPLATES_DIR).sort()).toEqual([...MODEL_TEMPLATES].sort())
  })

  it.each(MODEL_TEMPLATES)(
    '%s has what a model needs, with the name filled in everywhere',
    async (template) => {
      const files = await renderTemplate(template, 'house-prices')
      const paths = files.map((file) => file.path)
      expect(paths).toEqual(expect.arrayContaining(MODEL_FILES))
      expect(paths.some((path) => /^data\/[^/]+\.csv$/.test(path))).toBe(true)
      expect(paths.some((path) => /^test\/.+\.test\.ts$/.test(path))).toBe(true)
      for (const file of files) expect(file.content.toString(), file.path).not.toContain(MODEL_NAME_TOKEN)
      const text = (path: string) => files.find((file) => file.path === path)?.content.toString() ?? ''
      expect(JSON.parse(text('package.json')).name).toBe('@sagepack/model-house-prices')
      expect(text('config.ts')).toContain("defineModelConfig('house-prices', {")
    },
  )

  it.each(MODEL_TEMPLATES)(
    '%s stays within the line width with the longest allowed name',
    async (template) => {
      for (const file of await renderTemplate(template, LONGEST_NAME)) {
        if (file.path.endsWith('.csv')) continue
        file.content
          .toString()
          .split('\n')
          .forEach((line, index) => {
            expect(line.length, `${file.path}:${index + 1}`).toBeLessThanOrEqual(LINE_WIDTH)
          })
      }
    },
  )

  it.each(MODEL_TEMPLATES)(
    "%s's inference/example.json sends rows of its schema's features",
    async (template) => {
      const { schema } = (await import(join(TEMPLATES_DIR, template, 'train', 'schema.ts'))) as {
        schema: DatasetSchema
      }
      const example = JSON.parse(
        readFileSync(join(TEMPLATES_DIR, template, 'inference', 'example.json'), 'utf8'),
      )
      expect(example.instances.length).toBeGreaterThan(0)
      for (const row of example.instances) {
        expect(Object.keys(row).sort()).toEqual(schema.features.map((feature) => feature.name).sort())
      }
    },
  )
})
