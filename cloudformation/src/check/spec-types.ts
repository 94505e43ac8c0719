// The shapes of the CloudFormation resource specification (@aws-cdk/cfnspec's JSON) the checks read.

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
