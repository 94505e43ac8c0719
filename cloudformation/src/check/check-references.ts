// Checks that a template's references resolve: every Ref, Fn::GetAtt and Fn::Sub ${...} names a
// parameter, resource (with a real attribute) or pseudo parameter; every condition used is defined;
// a resource that exists only under a condition is referenced only where that condition holds; and
// nothing is declared (parameter, condition) that nothing uses.
import type { CfnTemplate } from '../cfn-template'
import {
  INTRINSIC_FUNCTIONS,
  intrinsicName,
  isPlainObject,
  PSEUDO_PARAMETERS,
  subReferences,
} from './intrinsics'
import type { ResourceSpecification } from './spec-types'

interface Scope {
  /** Conditions known to be true here (the resource's or output's own, and enclosing Fn::If branches). */
  holds: ReadonlySet<string>
  /** In the Conditions section only parameters may be referenced. */
  inConditions: boolean
  /** Variables an enclosing Fn::Sub defines in its map. */
  subVariables?: ReadonlySet<string>
}

class ReferenceChecker {
  readonly problems: string[] = []
  private readonly usedParameters = new Set<string>()
  private readonly usedConditions = new Set<string>()

  constructor(
    private readonly template: CfnTemplate,
    private readonly spec: ResourceSpecification,
  ) {}

  private report(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`)
  }

  private useCondition(name: unknown, path: string): void {
    if (typeof name !== 'string' || !(name in (this.template.Conditions ?? {}))) {
      this.report(path, `condition ${JSON.stringify(name)} is not defined in Conditions`)
    } else {
      this.usedConditions.add(name)
    }
  }

  /** A resource that may not exist must only be reached where its condition is known to hold. */
  private useResource(id: string, scope: Scope, path: string): void {
    const condition = this.template.Resources[id]?.Condition
    if (condition && !scope.holds.has(condition)) {
      this.report(
        path,
        `${id} exists only when ${condition}; refer to it under Fn::If [${condition}, ...] or the same Condition`,
      )
    }
  }

  private checkRef(name: unknown, scope: Scope, path: string): void {
    if (typeof name !== 'string') {
      this.report(path, `Ref takes a name, not ${JSON.stringify(name)}`)
    } else if (PSEUDO_PARAMETERS.has(name)) {
      // Always defined.
    } else if (name in (this.template.Parameters ?? {})) {
      this.usedParameters.add(name)
    } else if (name in this.template.Resources && !scope.inConditions) {
      this.useResource(name, scope, path)
    } else if (name in this.template.Resources) {
      this.report(path, `conditions can refer to parameters only, not to the resource ${name}`)
    } else {
      this.report(path, `Ref to ${name}, which is not a parameter, resource or pseudo parameter`)
    }
  }

  private checkGetAtt(resourceId: unknown, attribute: unknown, scope: Scope, path: string): void {
    const resource = typeof resourceId === 'string' ? this.template.Resources[resourceId] : undefined
    if (typeof resourceId !== 'string' || !resource) {
      this.report(path, `Fn::GetAtt of ${JSON.stringify(resourceId)}, which is not a resource`)
      return
    }
    if (scope.inConditions) this.report(path, 'conditions cannot use Fn::GetAtt')
    this.useResource(resourceId, scope, path)
    // An attribute chosen by Ref (allowed by CloudFormation) cannot be checked here.
    if (typeof attribute !== 'string') return
    const type = this.spec.resourceTypes[resource.Type]
    // Unknown types are reported by the property check.
    if (type && !(attribute in (type.Attributes ?? {}))) {
      const known = Object.keys(type.Attributes ?? {}).join(', ') || 'none'
      this.report(path, `${resource.Type} has no attribute ${attribute} (it has: ${known})`)
    }
  }

  private checkSub(args: unknown, scope: Scope, path: string): void {
    const [text, variables] = Array.isArray(args) ? args : [args, undefined]
    if (typeof text !== 'string' || (variables !== undefined && !isPlainObject(variables))) {
      this.report(path, 'Fn::Sub takes a string, or [string, { variable: value }]')
      return
    }
    const local = new Set([...(scope.subVariables ?? []), ...Object.keys(variables ?? {})])
    for (const name of subReferences(text)) {
      if (local.has(name)) continue
      const dot = name.indexOf('.')
      if (dot < 0) this.checkRef(name, scope, `${path} \${${name}}`)
      else this.checkGetAtt(name.slice(0, dot), name.slice(dot + 1), scope, `${path} \${${name}}`)
    }
    if (variables) this.walk(variables, scope, `${path}[1]`)
  }

  walk(value: unknown, scope: Scope, path: string): void {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) this.walk(item, scope, `${path}[${i}]`)
      return
    }
    if (!isPlainObject(value)) return
    const keys = Object.keys(value)
    const only = keys.length === 1 ? keys[0] : undefined
    if (only === 'Condition' && scope.inConditions) {
      this.useCondition(value.Condition, path)
      return
    }
    const fn = intrinsicName(value)
    if (!fn) {
      for (const key of keys) {
        if (key.startsWith('Fn::')) this.report(`${path}.${key}`, `${key} is not an intrinsic function`)
        this.walk(value[key], scope, `${path}.${key}`)
      }
      return
    }
    const args = value[fn]
    const at = `${path}.${fn}`
    if (!INTRINSIC_FUNCTIONS.has(fn)) {
      this.report(at, `${fn} is not an intrinsic function`)
    } else if (fn === 'Ref') {
      this.checkRef(args, scope, at)
    } else if (fn === 'Fn::GetAtt') {
      if (!Array.isArray(args) || args.length !== 2) this.report(at, 'Fn::GetAtt takes [resource, attribute]')
      else {
        this.checkGetAtt(args[0], args[1], scope, at)
        this.walk(args[1], scope, `${at}[1]`)
      }
    } else if (fn === 'Fn::Sub') {
      this.checkSub(args, scope, at)
    } else if (fn === 'Fn::If') {
      if (!Array.isArray(args) || args.length !== 3) {
        this.report(at, 'Fn::If takes [condition, value if true, value if false]')
        return
      }
      const [condition, whenTrue, whenFalse] = args
      this.useCondition(condition, at)
      const holds = new Set(scope.holds)
      if (typeof condition === 'string') holds.add(condition)
      this.walk(whenTrue, { ...scope, holds }, `${at}[1]`)
      this.walk(whenFalse, scope, `${at}[2]`)
    } else if (fn === 'Fn::FindInMap' && Array.isArray(args) && typeof args[0] === 'string') {
      if (!(args[0] in (this.template.Mappings ?? {}))) this.report(at, `mapping ${args[0]} is not defined`)
      this.walk(args.slice(1), scope, at)
    } else {
      this.walk(args, scope, at)
    }
  }

  checkTemplate(): string[] {
    const { Conditions = {}, Resources, Outputs = {}, Parameters = {} } = this.template
    for (const [name, body] of Object.entries(Conditions)) {
      this.walk(body, { holds: new Set(), inConditions: true }, `Conditions.${name}`)
    }
    for (const [id, resource] of Object.entries(Resources)) {
      const path = `Resources.${id}`
      if (resource.Condition !== undefined) this.useCondition(resource.Condition, `${path}.Condition`)
      const holds = new Set(resource.Condition ? [resource.Condition] : [])
      const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat()
      for (const target of dependsOn) {
        if (!(target in Resources)) this.report(`${path}.DependsOn`, `${target} is not a resource`)
      }
      this.walk(resource.Properties, { holds, inConditions: false }, `${path}.Properties`)
    }
    for (const [name, output] of Object.entries(Outputs)) {
      const path = `Outputs.${name}`
      if (output.Condition !== undefined) this.useCondition(output.Condition, `${path}.Condition`)
      const holds = new Set(output.Condition ? [output.Condition] : [])
      this.walk(output.Value, { holds, inConditions: false }, `${path}.Value`)
      this.walk(output.Export, { holds, inConditions: false }, `${path}.Export`)
    }
    for (const name of Object.keys(Parameters)) {
      if (!this.usedParameters.has(name)) this.report(`Parameters.${name}`, 'declared but never used')
    }
    for (const name of Object.keys(Conditions)) {
      if (!this.usedConditions.has(name)) this.report(`Conditions.${name}`, 'declared but never used')
    }
    return this.problems
  }
}

export function checkReferences(template: CfnTemplate, spec: ResourceSpecification): string[] {
  return new ReferenceChecker(template, spec).checkTemplate()
}
