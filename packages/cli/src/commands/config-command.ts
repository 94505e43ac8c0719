// `sagepack config <model>`: the resolved config, where each value came from, and each key's doc.
import { findWorkspaceRoot, loadConfigDefinition, locateModel } from '@sagepack/core-train/workspace'
import { Command } from 'commander'
import { collect } from './collect-option'

export function configCommand(): Command {
  return new Command('config')
    .summary("print a model's resolved config and each key's doc")
    .description('Print the resolved config of a model, where each value came from, and what each key means')
    .argument('<model>', 'the model folder name under models/')
    .option('--set <key=value>', 'apply an override as `train --set` would; repeatable', collect, [])
    .option('--json', 'print the resolved values as JSON only')
    .action(async (name: string, options: { set: string[]; json?: boolean }) => {
      const { describeConfig, resolveConfig } = await import('@sagepack/core-train')
      const folder = locateModel(findWorkspaceRoot(), name)
      const definition = await loadConfigDefinition(folder)
      const resolved = resolveConfig(definition, {
        configFile: folder.configFile,
        env: process.env,
        sets: options.set,
      })
      if (options.json) {
        process.stdout.write(`${JSON.stringify(resolved.values, null, 2)}\n`)
        return
      }
      const rows = describeConfig(definition, resolved)
      const width = Math.max(...rows.map((r) => r.key.length))
      const lines = rows.flatMap((row) => [
        `${row.key.padEnd(width)}  ${JSON.stringify(row.value)}${row.source === 'default' ? '' : `  (${row.source})`}`,
        `${' '.repeat(width)}  ${row.doc} [format ${row.format}, default ${JSON.stringify(row.default)}, env ${row.env}]`,
      ])
      process.stdout.write(
        `config of ${name} (defaults < config.json < env < --set):\n\n${lines.join('\n')}\n`,
      )
    })
}
