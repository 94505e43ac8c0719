import { specification } from '@aws-cdk/cfnspec'
import { expect, it } from 'vitest'
import { resourceSpecification } from './resource-spec'
import { ADDED_PROPERTIES, ADDED_PROPERTY_TYPES } from './spec-additions'
import type { SpecType } from './spec-types'

const raw = specification() as unknown as { PropertyTypes: Record<string, SpecType> }

it('loads the specification once', () => {
  expect(resourceSpecification()).toBe(resourceSpecification())
  expect(resourceSpecification().version).toBe('117.0.0')
})

// If the package ever ships these, the additions must go rather than shadow the official definitions.
it('adds only what the packaged specification lacks', () => {
  for (const [typeName, properties] of Object.entries(ADDED_PROPERTIES)) {
    const packaged = raw.PropertyTypes[typeName]?.Properties ?? {}
    for (const name of Object.keys(properties))
      expect(packaged, `${typeName}.${name}`).not.toHaveProperty(name)
  }
  for (const typeName of Object.keys(ADDED_PROPERTY_TYPES)) {
    expect(raw.PropertyTypes, typeName).not.toHaveProperty([typeName])
  }
})

it('merges the additions without changing the packaged objects', () => {
  const merged = resourceSpecification().propertyTypes['AWS::SageMaker::Model.ContainerDefinition']
  expect(merged?.Properties).toHaveProperty('ModelDataSource')
  expect(merged?.Properties).toHaveProperty('ModelDataUrl')
  expect(raw.PropertyTypes['AWS::SageMaker::Model.ContainerDefinition']?.Properties).not.toHaveProperty(
    'ModelDataSource',
  )
})
