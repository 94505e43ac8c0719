// Puts what a SageMaker training job reads into the artifact store: each file:// channel (a file or
// a folder) under its own prefix, and the bundled training code as the `code` channel. s3:// channels
// are read by SageMaker where they are.
import { basename, relative, sep } from 'node:path'
import { type ArtifactStore, fileDataSource, UserError } from '@sagepack/core-data'
import { CODE_CHANNEL } from '../contract/train-code-location'
import type { ChannelSource } from '../contract/training-job-spec'
import { localChannelData } from './channel-sources'
import type { TrainingJobKeys } from './sagemaker-job-keys'

export async function uploadTrainingInputs(options: {
  store: ArtifactStore
  keys: TrainingJobKeys
  channels: Record<string, ChannelSource>
  codeFile: string
  print(line: string): void
}): Promise<Record<string, ChannelSource>> {
  const { store, keys } = options
  if (CODE_CHANNEL in options.channels) {
    throw new UserError({
      input: `channels.${CODE_CHANNEL}`,
      problem: `the channel name "${CODE_CHANNEL}" is taken: it carries the training code to SageMaker`,
      expected: 'data channels with other names (train, validation, test, ...)',
      fix: `rename the channel in the model's config.ts`,
    })
  }
  const channels: Record<string, ChannelSource> = {}
  for (const [name, source] of Object.entries(options.channels)) {
    if (source.uri.startsWith('s3://')) {
      channels[name] = source
      continue
    }
    if (!source.uri.startsWith('file://')) {
      throw new UserError({
        input: `channel "${name}" (${source.uri})`,
        problem: 'is neither a local path nor an s3:// URI',
        expected: 'a file or folder (relative to the model folder) or an s3:// URI',
        fix: `fix channels.${name} in the model's config, or pass --set channels.${name}=<path or s3 URI>`,
      })
    }
    const data = await localChannelData(name, source.uri)
    const prefix = keys.channel(name)
    const files = data.isDirectory ? await filesUnder(name, data.path) : [data.path]
    let bytes = 0
    for (const file of files) {
      const relativePath = data.isDirectory ? relative(data.path, file).split(sep).join('/') : basename(file)
      bytes += (await store.putFile(`${prefix}${relativePath}`, file)).size
    }
    options.print(
      `uploaded channel ${name}: ${files.length} file${files.length === 1 ? '' : 's'}, ${bytes} bytes -> ${store.uri(prefix)}`,
    )
    channels[name] = { ...source, uri: store.uri(prefix) }
  }
  await store.putFile(keys.codeFile, options.codeFile, { contentType: 'text/javascript' })
  options.print(`uploaded training code -> ${store.uri(keys.codeFile)}`)
  channels[CODE_CHANNEL] = { uri: store.uri(keys.code) }
  return channels
}

/**
 * Every file under a channel folder, listed as training reads a channel (core-data's file source:
 * every depth, sorted, links followed, hidden files left out); SageMaker fails on an empty prefix,
 * so we fail first.
 */
async function filesUnder(name: string, dir: string): Promise<string[]> {
  const files = (await fileDataSource(dir).list()).map((object) => object.name)
  if (files.length === 0) {
    throw new UserError({
      input: `channel "${name}" (${dir})`,
      problem: 'is an empty folder',
      expected: 'a CSV/JSONL file or a folder with at least one',
      fix: `put the data in ${dir}, or point channels.${name} at another path`,
    })
  }
  return files
}
