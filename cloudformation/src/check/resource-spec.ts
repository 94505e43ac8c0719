// The CloudFormation resource specification the template checks compare against: @aws-cdk/cfnspec's
// JSON (loaded once per process; it is 9 MB) plus the few later additions in spec-additions.ts.
import { specification } from '@aws-cdk/cfnspec'
import { ADDED_PROPERTIES, ADDED_PROPERTY_TYPES } from './spec-additions'
import type { ResourceSpecification, SpecType } from './spec-types'

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
