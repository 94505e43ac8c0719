// What a template becomes for one set of parameter values, as CloudFormation would see it: conditions
// evaluated, Fn::If resolved, AWS::NoValue dropped, resources and outputs whose condition is false
// removed, and Ref to a parameter replaced by its value. Other functions stay as they are. Lets tests
// check what each stage's configuration (serverless, autoscaled, uncompressed) actually deploys.
import type { CfnResource, CfnTemplate } from '../cfn-template'
import { parameterValueProblems } from './check-parameters'
import { intrinsicName, isNoValue, isPlainObject } from './intrinsics'

type Values = Record<string, string>

function parameterValues(template: CfnTemplate, given: Values): Values {
  const values: Values = {}
  for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
    const value = given[name] ?? (parameter.Default === undefined ? undefined : String(parameter.Default))
    if (value === undefined) throw new Error(`parameter ${name} has no value and no Default`)
    // CloudFormation refuses the whole stack operation for one bad value; so do we.
    const problems = parameterValueProblems(parameter, value)
    if (problems.length > 0) throw new Error(`parameter ${name}: ${problems.join('; ')}`)
    values[name] = value
  }
  return values
}

function evaluateCondition(template: CfnTemplate, body: unknown, values: Values, seen: string[]): boolean {
  const operand = (value: unknown): unknown =>
    isPlainObject(value) && typeof value.Ref === 'string' ? values[value.Ref] : value
  const named = isPlainObject(body) && typeof body.Condition === 'string' ? body.Condition : undefined
  if (named !== undefined) return conditionValue(template, named, values, seen)
  const fn = intrinsicName(body)
  const args = fn ? (body as Record<string, unknown>)[fn] : undefined
  if (!Array.isArray(args)) throw new Error(`cannot evaluate condition ${JSON.stringify(body)}`)
  switch (fn) {
    case 'Fn::Equals':
      return String(operand(args[0])) === String(operand(args[1]))
    case 'Fn::Not':
      return !evaluateCondition(template, args[0], values, seen)
    case 'Fn::And':
      return args.every((arg) => evaluateCondition(template, arg, values, seen))
    case 'Fn::Or':
      return args.some((arg) => evaluateCondition(template, arg, values, seen))
    default:
      throw new Error(`${fn} cannot appear in a condition`)
  }
}

function conditionValue(template: CfnTemplate, name: string, values: Values, seen: string[]): boolean {
  if (seen.includes(name)) throw new Error(`condition ${name} refers to itself`)
  const body = template.Conditions?.[name]
  if (body === undefined) throw new Error(`condition ${name} is not defined`)
  return evaluateCondition(template, body, values, [...seen, name])
}

/** Sentinel for "this property is absent" while resolving. */
const ABSENT = Symbol('absent')

function resolve(value: unknown, conditions: Record<string, boolean>, values: Values): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => resolve(item, conditions, values)).filter((item) => item !== ABSENT)
  }
  if (!isPlainObject(value)) return value
  if (isNoValue(value)) return ABSENT
  const fn = intrinsicName(value)
  if (fn === 'Fn::If') {
    const [name, whenTrue, whenFalse] = value[fn] as [string, unknown, unknown]
    return resolve(conditions[name] ? whenTrue : whenFalse, conditions, values)
  }
  if (fn === 'Ref' && typeof value.Ref === 'string' && value.Ref in values) return values[value.Ref]
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    const resolved = resolve(child, conditions, values)
    if (resolved !== ABSENT) out[key] = resolved
  }
  return out
}

export function applyParameters(template: CfnTemplate, given: Values): CfnTemplate {
  const values = parameterValues(template, given)
  const conditions = Object.fromEntries(
    Object.keys(template.Conditions ?? {}).map((name) => [name, conditionValue(template, name, values, [])]),
  )
  const kept = <T extends { Condition?: string }>(entries: Record<string, T>): Record<string, T> =>
    Object.fromEntries(
      Object.entries(entries)
        .filter(([, entry]) => entry.Condition === undefined || conditions[entry.Condition])
        .map(([id, entry]) => [id, resolve(entry, conditions, values) as T]),
    )
  return {
    ...template,
    Resources: kept<CfnResource>(template.Resources),
    ...(template.Outputs ? { Outputs: kept(template.Outputs) } : {}),
  }
}
