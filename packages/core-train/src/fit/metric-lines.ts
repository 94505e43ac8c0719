// A callback that prints one metric line per epoch to stdout, where SageMaker's MetricDefinitions read them.
import type { EpochLogs } from './epoch-logs'
import type { FitCallback } from './fit-types'
import { formatMetricLine } from './metric-line-format'

export interface MetricLinesOptions {
  write?: (line: string) => void
}

export function metricLines(options: MetricLinesOptions = {}): FitCallback {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  return {
    onEpochEnd(logs) {
      write(formatMetricLine(definedFields(logs)))
    },
  }
}

function definedFields(logs: EpochLogs): Record<string, number> {
  const fields: Record<string, number> = {}
  for (const [name, value] of Object.entries(logs)) if (value !== undefined) fields[name] = value
  return fields
}
