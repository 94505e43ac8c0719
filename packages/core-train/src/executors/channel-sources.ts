// A model's config lists its training data under `channels` (channel name -> file, folder or s3://
// URI); this turns that into the job spec's channel sources, and finds a file:// channel's data.
import { stat } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { contentTypeOfFile, schemeOf, UserError } from '@sagepack/core-data'
import type { ChannelSource } from '../contract/training-job-spec'

export function channelSources(config: unknown, modelDir: string): Record<string, ChannelSource> {
  const channels = (config as { channels?: unknown }).channels
  if (typeof channels !== 'object' || channels === null || Object.keys(channels).length === 0) {
    throw new UserError({
      input: 'the model config',
      problem: 'declares no data channels',
      expected:
        'a `channels` section, e.g. channels: { train: { doc, format: String, default: "data/train.csv" } }',
      fix: "add a channels section to the model's config.ts",
    })
  }
  return Object.fromEntries(
    Object.entries(channels as Record<string, unknown>).map(([name, location]) => {
      if (typeof location !== 'string' || location === '') {
        throw new UserError({
          input: `channels.${name}`,
          problem: `is ${JSON.stringify(location)}`,
          expected: 'a path (relative to the model folder) or an s3:// URI',
        })
      }
      const uri = schemeOf(location)
        ? location
        : pathToFileURL(isAbsolute(location) ? location : resolve(modelDir, location)).href
      const contentType = contentTypeOfFile(location)
      return [name, contentType ? { uri, contentType } : { uri }]
    }),
  )
}

/** The file or folder behind a file:// channel, which must exist: both executors read it from here. */
export async function localChannelData(
  name: string,
  uri: string,
): Promise<{ path: string; isDirectory: boolean }> {
  const path = fileURLToPath(uri)
  const info = await stat(path).catch(() => null)
  if (!info) {
    throw new UserError({
      input: `channel "${name}" (${path})`,
      problem: 'does not exist',
      expected: 'a CSV/JSONL file or a folder of them',
      fix: `fix channels.${name} in the model's config, or pass --set channels.${name}=<path>`,
    })
  }
  return { path, isDirectory: info.isDirectory() }
}
