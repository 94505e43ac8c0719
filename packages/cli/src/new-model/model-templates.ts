// The templates a new model starts from: real model folders under packages/cli/templates/<template>/,
// with MODEL_NAME_TOKEN wherever the new model's name goes. Their code is linted and typechecked in
// place with this package; their tests run in models generated from them. A file that only works from
// models/<name>/ (a relative path to the workspace root) is kept as <file>.template, so tools reading
// this package do not trip over it, and loses the suffix in the new model.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const MODEL_TEMPLATES = ['tabular-classifier', 'tabular-regressor', 'text-classifier'] as const
export type ModelTemplate = (typeof MODEL_TEMPLATES)[number]
export const DEFAULT_MODEL_TEMPLATE: ModelTemplate = 'tabular-classifier'

export const TEMPLATE_SUMMARIES: Record<ModelTemplate, string> = {
  'tabular-classifier': 'numeric and categorical columns -> a class (example data: customer churn)',
  'tabular-regressor': 'numeric and categorical columns -> a number (example data: delivery minutes)',
  'text-classifier': 'a text column as a hashed bag of words -> a class (example data: support tickets)',
}

export const MODEL_NAME_TOKEN = '__MODEL_NAME__'
const TEMPLATE_SUFFIX = /\.template$/

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

/** Left behind by running a template's tools in place; never part of a new model. */
const LOCAL_OUTPUTS = new Set(['node_modules', 'dist', '.turbo', '.test-results'])

export interface TemplateFile {
  /** Relative to the model folder, with forward slashes; a `.template` suffix is dropped. */
  path: string
  content: Buffer
}

/** The template's files with the model's name filled in, sorted by path. */
export async function renderTemplate(template: ModelTemplate, name: string): Promise<TemplateFile[]> {
  const dir = join(TEMPLATES_DIR, template)
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !path.split(sep).some((part) => LOCAL_OUTPUTS.has(part)))
    .sort()
  return Promise.all(
    files.map(async (path) => ({
      path: path.split(sep).join('/').replace(TEMPLATE_SUFFIX, ''),
      content: withName(await readFile(join(dir, path)), name),
    })),
  )
}

function withName(content: Buffer, name: string): Buffer {
  const text = content.toString('utf8')
  return text.includes(MODEL_NAME_TOKEN) ? Buffer.from(text.replaceAll(MODEL_NAME_TOKEN, name)) : content
}
