// Checks the template's sections and parameter declarations: known section names, known parameter
// types, and defaults that satisfy their own constraints (a default CloudFormation would reject
// fails every stack that relies on it).
import type { CfnParameter, CfnTemplate } from '../cfn-template'

const SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
])

const PARAMETER_TYPES = /^(String|Number|List<Number>|CommaDelimitedList|(List<)?AWS::[A-Za-z0-9:]+>?)$/

/** What CloudFormation would say about this value for this parameter (nothing when it is accepted). */
export function parameterValueProblems(parameter: CfnParameter, value: unknown): string[] {
  const text = String(value)
  const problems: string[] = []
  if (parameter.AllowedValues && !parameter.AllowedValues.map(String).includes(text)) {
    problems.push(`${JSON.stringify(text)} is not one of AllowedValues`)
  }
  if (parameter.AllowedPattern && !new RegExp(`^(?:${parameter.AllowedPattern})$`).test(text)) {
    problems.push(`${JSON.stringify(text)} does not match AllowedPattern`)
  }
  if (parameter.Type === 'Number') {
    const number = Number(text)
    if (text.trim() === '' || !Number.isFinite(number))
      problems.push(`${JSON.stringify(text)} is not a number`)
    if (parameter.MinValue !== undefined && number < parameter.MinValue)
      problems.push(`${text} is below MinValue`)
    if (parameter.MaxValue !== undefined && number > parameter.MaxValue)
      problems.push(`${text} is above MaxValue`)
  }
  if (parameter.MaxLength !== undefined && text.length > parameter.MaxLength) {
    problems.push(`${JSON.stringify(text)} is longer than MaxLength`)
  }
  if (parameter.MinLength !== undefined && text.length < parameter.MinLength) {
    problems.push(`${JSON.stringify(text)} is shorter than MinLength`)
  }
  return problems
}

export function checkParameters(template: CfnTemplate): string[] {
  const problems: string[] = []
  for (const section of Object.keys(template)) {
    if (!SECTIONS.has(section)) problems.push(`${section}: not a template section`)
  }
  for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
    const path = `Parameters.${name}`
    if (typeof parameter.Type !== 'string' || !PARAMETER_TYPES.test(parameter.Type)) {
      problems.push(`${path}.Type: ${JSON.stringify(parameter.Type)} is not a parameter type`)
    }
    if (parameter.Default !== undefined) {
      for (const problem of parameterValueProblems(parameter, parameter.Default)) {
        problems.push(`${path}.Default: ${problem}`)
      }
    }
  }
  return problems
}
