// The port the runtime listens on: SAGEMAKER_BIND_TO_PORT (what SageMaker sets), else 8080.
import { UserError } from '@sagepack/core-data'

export const SAGEMAKER_PORT = 8080
export const PORT_ENV = 'SAGEMAKER_BIND_TO_PORT'

export function bindPort(env: Record<string, string | undefined>): number {
  const value = env[PORT_ENV]?.trim()
  if (value === undefined || value === '') return SAGEMAKER_PORT
  return parsePort(
    value,
    `${PORT_ENV}=${value}`,
    `set ${PORT_ENV} to a free port, or unset it for ${SAGEMAKER_PORT}`,
  )
}

/** The one rule for a port, wherever it is given (`input` names where: a variable, a CLI flag). */
export function parsePort(text: string, input: string, fix?: string): number {
  if (/^[0-9]{1,5}$/.test(text) && Number(text) <= 65_535) return Number(text)
  throw new UserError({
    input,
    problem: 'is not a port number',
    expected: 'a whole number from 0 to 65535 (0 picks a free port)',
    ...(fix ? { fix } : {}),
  })
}
