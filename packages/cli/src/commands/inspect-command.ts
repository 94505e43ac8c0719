// `sagepack inspect <model.tar.gz>`: what a bundle holds, its manifest, and proof that every file
// matches the manifest's digest and that `sagepack serve` would take it.
import { resolve } from 'node:path'
import { verifyBundle } from '@sagepack/bundle'
import { Command } from 'commander'
import { formatBytes } from '../build-bundle/format-bytes'

export function inspectCommand(): Command {
  return new Command('inspect')
    .summary('list a model.tar.gz, verify every digest against its manifest, print the manifest')
    .description(
      'List the entries of a bundle, verify the sha256 and size of every file against manifest.json, check\n' +
        'it can be served (the same check as `sagepack serve`: a manifest this sagepack reads, an entry\n' +
        'inside the bundle, config.json and the weights), and print the manifest. Exits 2 naming what is\n' +
        'wrong when any of that fails.',
    )
    .argument('<bundle>', 'a model.tar.gz, e.g. models/iris/dist/model.tar.gz')
    .option('--json', 'print the manifest and the verified file list as JSON')
    .action(async (bundle: string, options: { json?: boolean }) => {
      const path = resolve(bundle)
      const verified = await verifyBundle(path)
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ manifest: verified.manifest, files: verified.files }, null, 2)}\n`,
        )
        return
      }
      // The listing comes from verifyArchive's own pass: the archive is read once.
      const { entries } = verified
      const lines = entries.map(
        (e) => `${e.mode.toString(8).padStart(4, '0')}  ${formatBytes(e.size).padStart(10)}  ${e.path}`,
      )
      const { manifest } = verified
      process.stdout.write(
        `${bundle}: ${entries.length} entries\n${lines.join('\n')}\n\n` +
          'verified: every file matches manifest.json (sha256 and size), and `sagepack serve` takes it\n\n' +
          `${JSON.stringify({ ...manifest, files: undefined }, null, 2)}\n`,
      )
    })
}
