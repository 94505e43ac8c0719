// Validates manifest.json of an extracted bundle, so a bundle from another sagepack version or a
// damaged one fails at startup naming the key, instead of failing later somewhere in the runtime.
import { UserError } from '@sagepack/core-data'
import { type BundleManifest, MANIFEST_FORMAT, type ManifestFile } from './bundle-manifest'

const MODEL_FORMATS: ReadonlyArray<BundleManifest['modelFormat']> = ['onnx', 'tfjs']

export function parseBundleManifest(json: unknown, source: string): BundleManifest {
  const fail = (key: string, problem: string, expected: string): UserError =>
    new UserError({
      input: `${source}, key '${key}'`,
      problem,
      expected,
      fix: 'rebuild the bundle with `sagepack bundle`; do not edit manifest.json by hand',
    })
  const object = (value: unknown, key: string): Record<string, unknown> => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>
    }
    throw fail(key, `${describe(value)} is not an object`, 'an object')
  }
  const string = (value: unknown, key: string): string => {
    if (typeof value === 'string' && value !== '') return value
    throw fail(key, `${describe(value)} is not a non-empty string`, 'a non-empty string')
  }

  const root = object(json, '(root)')
  if (root.format !== MANIFEST_FORMAT) {
    throw new UserError({
      input: `${source}, key 'format'`,
      problem: `bundle format ${describe(root.format)} is not supported by this runtime`,
      expected: `"${MANIFEST_FORMAT}"`,
      fix: 'bundle the model with the same sagepack version as the runtime image',
    })
  }
  const git = object(root.git, 'git')
  if (!(git.commit === null || typeof git.commit === 'string')) {
    throw fail('git.commit', `${describe(git.commit)} is not a commit`, 'a commit hash or null')
  }
  if (typeof git.dirty !== 'boolean')
    throw fail('git.dirty', `${describe(git.dirty)} is not a boolean`, 'true or false')
  const runtime = object(root.runtime, 'runtime')
  const dependencies = object(runtime.dependencies, 'runtime.dependencies')
  for (const [name, version] of Object.entries(dependencies)) string(version, `runtime.dependencies.${name}`)
  const modelFormat = root.modelFormat
  if (!MODEL_FORMATS.includes(modelFormat as BundleManifest['modelFormat'])) {
    throw fail('modelFormat', `${describe(modelFormat)} is not a model format`, MODEL_FORMATS.join(' or '))
  }
  if (!Array.isArray(root.files))
    throw fail('files', `${describe(root.files)} is not a list`, 'a list of files')
  const files = root.files.map((entry, index): ManifestFile => {
    const file = object(entry, `files[${index}]`)
    const sha256 = string(file.sha256, `files[${index}].sha256`)
    if (!/^[0-9a-f]{64}$/.test(sha256)) {
      throw fail(
        `files[${index}].sha256`,
        `${describe(sha256)} is not a SHA-256 digest`,
        '64 lowercase hex digits',
      )
    }
    if (!(typeof file.size === 'number' && Number.isSafeInteger(file.size) && file.size >= 0)) {
      throw fail(`files[${index}].size`, `${describe(file.size)} is not a size`, 'a byte count')
    }
    return { path: string(file.path, `files[${index}].path`), sha256, size: file.size }
  })
  return {
    format: MANIFEST_FORMAT,
    name: string(root.name, 'name'),
    version: string(root.version, 'version'),
    git: { commit: git.commit, dirty: git.dirty },
    runId: string(root.runId, 'runId'),
    runtime: {
      name: string(runtime.name, 'runtime.name'),
      node: string(runtime.node, 'runtime.node'),
      dependencies: dependencies as Record<string, string>,
    },
    entry: string(root.entry, 'entry'),
    modelFormat: modelFormat as BundleManifest['modelFormat'],
    files,
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'a missing value'
  return JSON.stringify(value) ?? String(value)
}
