// Reads a whole dataset (a file, a folder, or a registered URI such as s3://) into typed records,
// failing with one UserError that lists the rows that do not fit the schema.
import { UserError } from '../errors/user-error'
import { type DataFormat, detectFormat } from '../readers/detect-format'
import { locationOf } from '../readers/input-location'
import { readRows } from '../readers/read-rows'
import type { DatasetSchema } from '../schema/feature-schema'
import type { DataObject, DataSource } from '../sources/data-source'
import { resolveDataSource } from '../sources/resolve-data-source'
import { applySchema } from './apply-schema'
import type { DataRecord } from './data-record'
import { checkRequiredColumns, hasAllColumns, requiredColumns } from './required-columns'
import { ViolationReport } from './violation-report'

export interface ReadDatasetOptions {
  /** Format of every object; otherwise taken from `contentType`, else from each file's extension. */
  format?: DataFormat
  /** A content type such as `text/csv` (SageMaker's channel ContentType) for every object. */
  contentType?: string
  /** Folder that a relative path `source` is resolved against; defaults to the working directory. */
  baseDir?: string
  /** How many violations the error lists before `(and N more)`; default 20. */
  maxReportedViolations?: number
}

const DEFAULT_REPORTED_VIOLATIONS = 20

/**
 * Reads every object of `source` (files of a folder in sorted order) and types each row with `schema`.
 * Structural problems (bad CSV/JSON, missing columns) fail at once; values that do not fit the schema
 * are gathered over all files and fail as one UserError. Missing values become null.
 */
export async function readDataset(
  source: DataSource | string,
  schema: DatasetSchema,
  options: ReadDatasetOptions = {},
): Promise<DataRecord[]> {
  const dataSource =
    typeof source === 'string' ? resolveDataSource(source, { baseDir: options.baseDir }) : source
  // Formats are decided before any reading, so a stray file fails before minutes spent on the others.
  const parts = dataObjectsOf(await dataSource.list(), dataSource.uri).map((object) => ({
    object,
    format: options.format ?? detectFormat(object.name, options.contentType),
  }))
  const required = requiredColumns(schema)
  const report = new ViolationReport(
    Math.max(0, options.maxReportedViolations ?? DEFAULT_REPORTED_VIOLATIONS),
  )
  const records: DataRecord[] = []
  for (const { object, format } of parts) {
    const onHeader = (columns: readonly string[], line: number) =>
      checkRequiredColumns(columns, required, locationOf(object.name, line), 'header')
    for await (const row of readRows(await object.open(), object.name, format, { onHeader })) {
      if (!hasAllColumns(row.fields, required)) {
        checkRequiredColumns(Object.keys(row.fields), required, locationOf(object.name, row.line), 'object')
      }
      const applied = applySchema(row.fields, schema, { source: object.name, line: row.line })
      if ('violations' in applied) report.add(applied.violations)
      else records.push({ source: object.name, line: row.line, values: applied.values })
    }
  }
  if (!report.isEmpty) throw report.toError(dataSource.uri)
  return records
}

function dataObjectsOf(objects: DataObject[], uri: string): DataObject[] {
  // Folders written by Spark and similar tools hold empty markers (_SUCCESS) and empty partitions;
  // they hold no rows. A single empty file is still read, to fail with "the file is empty".
  const parts = objects.length > 1 ? objects.filter((object) => object.size !== 0) : objects
  if (parts.length > 0) return parts
  throw new UserError({
    input: uri,
    problem: objects.length === 0 ? 'holds no data files' : 'holds only empty files',
    expected: 'at least one CSV or JSONL file (names starting with "." are skipped)',
    fix: 'check the location, or put the data files there',
  })
}
