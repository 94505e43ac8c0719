// Checks every resource against the CloudFormation resource specification: the type exists, every
// property (down through nested property types, lists and maps) is one the type has, required
// properties are there, and literal values have a plausible primitive type. Values computed by an
// intrinsic function are not typed, except Fn::If, whose two branches are each checked in place.
import type { CfnTemplate } from '../cfn-template'
import { intrinsicName, isNoValue, isPlainObject } from './intrinsics'
import type { ResourceSpecification, SpecProperty, SpecType } from './spec-types'

const RESOURCE_ATTRIBUTES = new Set([
  'Type',
  'Properties',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
])

const DELETION_POLICIES = new Set(['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'])

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** CloudFormation converts scalars between string and number forms, so both are plausible. */
function primitiveProblem(value: unknown, type: string): string | undefined {
  const ok = (() => {
    switch (type) {
      case 'String':
        return typeof value === 'string' || typeof value === 'number'
      case 'Integer':
      case 'Long':
        return Number.isInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value))
      case 'Double':
        return (
          (typeof value === 'number' && Number.isFinite(value)) ||
          (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        )
      case 'Boolean':
        return typeof value === 'boolean' || value === 'true' || value === 'false'
      case 'Timestamp':
        return typeof value === 'string'
      case 'Json':
        return typeof value === 'string' || (value !== null && typeof value === 'object')
      default:
        return false
    }
  })()
  return ok ? undefined : `${describe(value)} is not of type ${type}`
}

class PropertyChecker {
  readonly problems: string[] = []

  constructor(
    private readonly spec: ResourceSpecification,
    /** The resource type whose property types are being resolved, e.g. AWS::S3::Bucket. */
    private readonly resourceType: string,
  ) {}

  private report(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`)
  }

  /** Named property types live under the resource type (AWS::S3::Bucket.Rule), a few globally (Tag). */
  private propertyType(name: string): [string, SpecType] | undefined {
    for (const key of [`${this.resourceType}.${name}`, name]) {
      const type = this.spec.propertyTypes[key]
      if (type) return [key, type]
    }
    return undefined
  }

  checkObject(value: Record<string, unknown>, type: SpecType, typeName: string, path: string): void {
    const properties = type.Properties ?? {}
    for (const [name, child] of Object.entries(value)) {
      const property = properties[name]
      if (property) this.checkValue(child, property, `${path}.${name}`)
      else if (!type.AdditionalProperties) this.report(`${path}.${name}`, `unknown property of ${typeName}`)
    }
    for (const [name, property] of Object.entries(properties)) {
      if (property.Required && !(name in value)) {
        this.report(path, `missing required property ${name} of ${typeName}`)
      }
    }
  }

  checkValue(value: unknown, property: SpecProperty, path: string): void {
    const fn = intrinsicName(value)
    if (fn === 'Fn::If') {
      const args = (value as Record<string, unknown>)[fn]
      if (!Array.isArray(args) || args.length !== 3) {
        this.report(path, 'Fn::If takes [condition, value if true, value if false]')
        return
      }
      args.slice(1).forEach((branch, i) => {
        if (!isNoValue(branch))
          this.checkValue(branch, property, `${path}(Fn::If ${i === 0 ? 'true' : 'false'})`)
      })
      return
    }
    if (fn) return
    if (property.PrimitiveTypes || property.Types) {
      this.checkUnion(value, property, path)
    } else if (property.PrimitiveType) {
      const problem = primitiveProblem(value, property.PrimitiveType)
      if (problem) this.report(path, problem)
    } else if (property.Type === 'List') {
      if (!Array.isArray(value)) this.report(path, `${describe(value)} is not a list`)
      else for (const [i, item] of value.entries()) this.checkItem(item, property, `${path}[${i}]`)
    } else if (property.Type === 'Map') {
      if (!isPlainObject(value)) this.report(path, `${describe(value)} is not a map`)
      else for (const [key, item] of Object.entries(value)) this.checkItem(item, property, `${path}.${key}`)
    } else if (property.Type) {
      this.checkComplex(value, property.Type, path)
    } else {
      this.report(path, 'the specification gives this property no type')
    }
  }

  /** A list or map item: described by the collection's ItemType / PrimitiveItemType. */
  private checkItem(item: unknown, collection: SpecProperty, path: string): void {
    const itemProperty: SpecProperty = collection.PrimitiveItemType
      ? { PrimitiveType: collection.PrimitiveItemType }
      : collection.ItemType === 'List'
        ? { Type: 'List', PrimitiveItemType: collection.PrimitiveItemItemType }
        : collection.ItemType
          ? { Type: collection.ItemType }
          : {
              PrimitiveTypes: collection.PrimitiveItemTypes ?? collection.InclusivePrimitiveItemTypes,
              Types: collection.ItemTypes ?? collection.InclusiveItemTypes,
            }
    this.checkValue(item, itemProperty, path)
  }

  private checkComplex(value: unknown, typeName: string, path: string): void {
    const [fullName, type] = this.propertyType(typeName) ?? []
    if (!fullName || !type) {
      this.report(path, `the specification has no property type ${typeName}`)
    } else if (!type.Properties) {
      // An alias such as AWS::Transfer::Server.Protocol (a String).
      this.checkValue(value, type, path)
    } else if (!isPlainObject(value)) {
      this.report(path, `${describe(value)} is not a ${typeName} (a mapping)`)
    } else {
      this.checkObject(value, type, fullName, path)
    }
  }

  /** A union property is fine when the value fits one of its alternatives. */
  private checkUnion(value: unknown, property: SpecProperty, path: string): void {
    const alternatives: SpecProperty[] = [
      ...(property.PrimitiveTypes ?? []).map((PrimitiveType) => ({ PrimitiveType })),
      ...(property.Types ?? []).map((Type) => ({ Type })),
    ]
    const fits = alternatives.some((alternative) => {
      const trial = new PropertyChecker(this.spec, this.resourceType)
      trial.checkValue(value, alternative, path)
      return trial.problems.length === 0
    })
    if (!fits) {
      const names = alternatives.map((a) => a.PrimitiveType ?? a.Type).join(' | ')
      this.report(path, `${describe(value)} is none of ${names}`)
    }
  }
}

export function checkResourceProperties(template: CfnTemplate, spec: ResourceSpecification): string[] {
  const problems: string[] = []
  for (const [id, resource] of Object.entries(template.Resources)) {
    const path = `Resources.${id}`
    for (const key of Object.keys(resource)) {
      if (!RESOURCE_ATTRIBUTES.has(key)) problems.push(`${path}.${key}: not a resource attribute`)
    }
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
      const policy = resource[key]
      if (policy !== undefined && !DELETION_POLICIES.has(policy)) {
        problems.push(
          `${path}.${key}: ${describe(policy)} is not one of ${[...DELETION_POLICIES].join(', ')}`,
        )
      }
    }
    const type = spec.resourceTypes[resource.Type]
    if (!type) {
      problems.push(
        `${path}.Type: ${resource.Type} is not a resource type of the CloudFormation resource specification ${spec.version}`,
      )
      continue
    }
    const properties: unknown = resource.Properties ?? {}
    if (!isPlainObject(properties)) {
      problems.push(`${path}.Properties: must be a mapping`)
      continue
    }
    const checker = new PropertyChecker(spec, resource.Type)
    checker.checkObject(properties, type, resource.Type, `${path}.Properties`)
    problems.push(...checker.problems)
  }
  return problems
}
