// The CloudFormation resource specification the template checks compare against: @aws-cdk/cfnspec's
// JSON (loaded once per process; it is 9 MB) plus the few later additions in spec-additions.ts.
import { specification } from '@aws-cdk/cfnspec'
import { ADDED_PROPERTIES, ADDED_PROPERTY_TYPES } from './spec-additions'

/** One property (or list/map item, or an aliasing property type) as the specification describes it. */
export interface SpecProperty {
  Documentation?: string
  Required?: boolean
  UpdateType?: string
  PrimitiveType?: string
  Type?: string
  ItemType?: string
  PrimitiveItemType?: string
  PrimitiveItemItemType?: string
  // Union properties: the value may be any one of these.
  PrimitiveTypes?: string[]
  Types?: string[]
  PrimitiveItemTypes?: string[]
  ItemTypes?: string[]
  InclusivePrimitiveItemTypes?: string[]
  InclusiveItemTypes?: string[]
}

/** A resource type or property type. A few property types have no Properties and alias a property. */
export interface SpecType extends SpecProperty {
  Properties?: Record<string, SpecProperty>
  Attributes?: Record<string, unknown>
  AdditionalProperties?: boolean
}

export interface ResourceSpecification {
  version: string
  resourceTypes: Record<string, SpecType>
  propertyTypes: Record<string, SpecType>
}

interface RawSpecification {
  ResourceSpecificationVersion: string
  ResourceTypes: Record<string, SpecType>
  PropertyTypes: Record<string, SpecType>
}

let loaded: ResourceSpecification | undefined

/** Property types with the additions merged in; the package's own objects are left untouched. */
function withAdditions(propertyTypes: Record<string, SpecType>): Record<string, SpecType> {
  const merged = { ...propertyTypes, ...ADDED_PROPERTY_TYPES }
  for (const [typeName, properties] of Object.entries(ADDED_PROPERTIES)) {
    const base = merged[typeName]
    if (!base) throw new Error(`spec-additions: ${typeName} is not in the resource specification`)
    merged[typeName] = { ...base, Properties: { ...base.Properties, ...properties } }
  }
  return merged
}

export function resourceSpecification(): ResourceSpecification {
  if (!loaded) {
    const raw = specification() as unknown as RawSpecification
    loaded = {
      version: raw.ResourceSpecificationVersion,
      resourceTypes: raw.ResourceTypes,
      propertyTypes: withAdditions(raw.PropertyTypes),
    }
  }
  return loaded
}
