// `sagepack inspect <model.tar.gz>`: what a bundle holds, its manifest, its request schema, and proof
// that every file matches the manifest's digest and that `sagepack serve` would take it.
import { resolve } from 'node:path'
import { verifyBundle } from '@sagepack/bundle'
import { parseRequestSchema, REQUEST_SCHEMA_FILE } from '@sagepack/core-data'
import { Command } from 'commander'
import { formatBytes } from '../build-bundle/format-bytes'
import { formatRequestSchema } from './format-request-schema'

export function inspectCommand(): Command {
  return new Command('inspect')
    .summary('list a model.tar.gz, verify every digest against its manifest, print the manifest and schema')
    .description(
      'List the entries of a bundle, verify the sha256 and size of every file against manifest.json, check\n' +
        'it can be served (the same check as `sagepack serve`: a manifest this sagepack reads, an entry\n' +
        'inside the bundle, config.json and the weights), and print the manifest and the request schema\n' +
        '(schema.json: the features a request sends, which are required, what training saw of each).\n' +
        'Exits 2 naming what is wrong when any of that fails.',
    )
    .argument('<bundle>', 'a model.tar.gz, e.g. models/iris/dist/model.tar.gz')
    .option('--json', 'print the manifest, the verified file list and the schema (JSON Schema) as JSON')
    .action(async (bundle: string, options: { json?: boolean }) => {
      const path = resolve(bundle)
      const verified = await verifyBundle(path, [REQUEST_SCHEMA_FILE])
      const schemaBytes = verified.kept.get(REQUEST_SCHEMA_FILE)
      const schemaDocument: unknown = schemaBytes ? JSON.parse(schemaBytes.toString('utf8')) : null
      if (options.json) {
        const json = { manifest: verified.manifest, files: verified.files, schema: schemaDocument }
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
        return
      }
      // The listing comes from verifyArchive's own pass: the archive is read once.
      const { entries } = verified
      const lines = entries.map(
        (e) => `${e.mode.toString(8).padStart(4, '0')}  ${formatBytes(e.size).padStart(10)}  ${e.path}`,
      )
      const { manifest } = verified
      const schema =
        schemaDocument === null
          ? `no ${REQUEST_SCHEMA_FILE}: a bundle of a run from before it existed; the runtime derives one from preprocessor.json, every feature required\n`
          : `request schema (${REQUEST_SCHEMA_FILE}; the whole JSON Schema with --json):\n${formatRequestSchema(parseRequestSchema(schemaDocument, `${bundle}, ${REQUEST_SCHEMA_FILE}`))}\n`
      process.stdout.write(
        `${bundle}: ${entries.length} entries\n${lines.join('\n')}\n\n` +
          'verified: every file matches manifest.json (sha256 and size), and `sagepack serve` takes it\n\n' +
          `${JSON.stringify({ ...manifest, files: undefined }, null, 2)}\n\n${schema}`,
      )
    })
}
