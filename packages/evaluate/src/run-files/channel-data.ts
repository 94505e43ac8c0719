// The run's own copy of its training data (input/data/<channel>/, which the local executor copies in):
// a digest per channel for the report's identity, and the rows by file and line, so the predictions
// (which name each row's file and line) can be joined with every column of the data for slicing.
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { detectFormat, readRows, sha256OfFile } from '@sagepack/core-data'
import type { ChannelDigest } from '../report/report-types'

/** The code channel holds the training code of SageMaker jobs, not data. */
const NOT_DATA = new Set(['code'])

export interface ChannelFiles {
  channel: string
  dir: string
  /** Paths relative to the channel folder, POSIX separators, in byte order. */
  files: string[]
}

export async function channelFiles(runDir: string): Promise<ChannelFiles[]> {
  const dataDir = join(runDir, 'input', 'data')
  if (!existsSync(dataDir)) return []
  const channels = (await readdir(dataDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !NOT_DATA.has(entry.name))
    .map((entry) => entry.name)
    .sort()
  return Promise.all(
    channels.map(async (channel) => {
      const dir = join(dataDir, channel)
      const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
        .sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1))
      return { channel, dir, files }
    }),
  )
}

/** sha256 of the `sha256sum` listing of the channel's files, as runs promote digests model/. */
export async function channelDigest(channel: ChannelFiles): Promise<ChannelDigest> {
  let listing = ''
  let bytes = 0
  for (const file of channel.files) {
    const path = join(channel.dir, file)
    listing += `${await sha256OfFile(path)}  ${file}\n`
    bytes += (await stat(path)).size
  }
  return {
    channel: channel.channel,
    sha256: createHash('sha256').update(listing).digest('hex'),
    files: channel.files.length,
    bytes,
  }
}

/** Every row of the channels' data files, keyed `<file name>:<line>` as the predictions name them. */
export async function rowsByLocation(
  channels: readonly ChannelFiles[],
): Promise<Map<string, Record<string, unknown>>> {
  const rows = new Map<string, Record<string, unknown>>()
  for (const channel of channels) {
    const contentTypes = await channelContentTypes(channel.dir)
    for (const file of channel.files) {
      if (basename(file).startsWith('.')) continue
      const format = detectFormat(file, contentTypes.get(channel.channel))
      const input = createReadStream(join(channel.dir, file))
      for await (const row of readRows(input, file, format)) {
        const key = `${basename(file)}:${row.line}`
        if (!rows.has(key)) rows.set(key, row.fields)
      }
    }
  }
  return rows
}

/** ContentType per channel from the run's input/config/inputdataconfig.json, when it declares one. */
async function channelContentTypes(channelDir: string): Promise<Map<string, string>> {
  const file = join(channelDir, '..', '..', 'config', 'inputdataconfig.json')
  const types = new Map<string, string>()
  if (!existsSync(file)) return types
  try {
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, { ContentType?: unknown }>
    for (const [channel, settings] of Object.entries(config)) {
      if (typeof settings?.ContentType === 'string') types.set(channel, settings.ContentType)
    }
  } catch {
    // An unreadable config only loses the content type; the file extension still tells the format.
  }
  return types
}
