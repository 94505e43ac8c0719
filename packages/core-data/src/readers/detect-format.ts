// Decides how to parse a data object: from the content type when one is given (SageMaker channels
// declare one), otherwise from the file extension.
import { UserError } from '../errors/user-error'

export type DataFormat = 'csv' | 'jsonl'

const BY_EXTENSION = new Map<string, DataFormat>([
  ['.csv', 'csv'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
])

const BY_CONTENT_TYPE = new Map<string, DataFormat>([
  ['text/csv', 'csv'],
  ['application/jsonlines', 'jsonl'],
  ['application/json-lines', 'jsonl'],
  ['application/x-jsonlines', 'jsonl'],
  ['application/x-ndjson', 'jsonl'],
])

const CONTENT_TYPE_OF: Record<DataFormat, string> = { csv: 'text/csv', jsonl: 'application/jsonlines' }

/** The content type a data file's extension implies (what a SageMaker channel declares), if any. */
export function contentTypeOfFile(name: string): string | undefined {
  const format = BY_EXTENSION.get(/\.[^./\\]+$/.exec(name)?.[0]?.toLowerCase() ?? '')
  return format ? CONTENT_TYPE_OF[format] : undefined
}

/** The format of `name` (a file name or path); `contentType`, when given, wins over the extension. */
export function detectFormat(name: string, contentType?: string): DataFormat {
  if (contentType !== undefined) return formatOfContentType(contentType, name)
  const extension = /\.[^./\\]+$/.exec(name)?.[0]?.toLowerCase()
  const format = extension === undefined ? undefined : BY_EXTENSION.get(extension)
  if (format) return format
  throw new UserError({
    input: name,
    problem: extension
      ? `cannot tell the data format from the extension "${extension}"`
      : 'has no file extension',
    expected: `a file ending in ${[...BY_EXTENSION.keys()].join(', ')}`,
    fix: 'rename the file, or give the format or content type (text/csv, application/jsonlines) explicitly',
  })
}

function formatOfContentType(contentType: string, name: string): DataFormat {
  // Parameters such as `; charset=utf-8` do not change the format.
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  const format = BY_CONTENT_TYPE.get(mediaType)
  if (format) return format
  throw new UserError({
    input: `${name} (content type ${JSON.stringify(contentType)})`,
    problem: 'unsupported content type',
    expected: `one of ${[...BY_CONTENT_TYPE.keys()].join(', ')}`,
    fix: 'give a supported content type, or leave it out to use the file extension',
  })
}
