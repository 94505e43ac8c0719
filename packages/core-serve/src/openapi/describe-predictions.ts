// The JSON Schema of a model's predictions, read off the answer the model gives to its own example: a
// handler's postprocess is code, so what it answers is the only faithful description of its shape. The
// label's classes turn a string among them into an enum, and an object keyed by them into "the
// probability of each class" (what the try-it page charts).
import type { JsonSchema, RequestLabel } from '@sagepack/core-data'

export const CLASS_PROBABILITIES = 'x-sagepack-classProbabilities'

export function describePredictions(predictions: readonly unknown[], label: RequestLabel): JsonSchema {
  const classes = label.kind === 'class' ? label.classes : []
  return describe(predictions, new Set(classes), classes)
}

function describe(
  values: readonly unknown[],
  classSet: ReadonlySet<string>,
  classes: readonly string[],
): JsonSchema {
  if (values.length === 0) return {}
  if (values.every((value) => typeof value === 'number')) return { type: 'number' }
  if (values.every((value) => typeof value === 'boolean')) return { type: 'boolean' }
  if (values.every((value) => typeof value === 'string')) {
    return classSet.size > 0 && values.every((value) => classSet.has(value as string))
      ? { type: 'string', enum: [...classes] }
      : { type: 'string' }
  }
  if (values.every(Array.isArray)) {
    return { type: 'array', items: describe((values as unknown[][]).flat(), classSet, classes) }
  }
  if (values.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value))) {
    return describeObjects(values as Array<Record<string, unknown>>, classSet, classes)
  }
  return {}
}

function describeObjects(
  objects: ReadonlyArray<Record<string, unknown>>,
  classSet: ReadonlySet<string>,
  classes: readonly string[],
): JsonSchema {
  const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))]
  const numbersByClass =
    classSet.size > 0 &&
    keys.length === classSet.size &&
    keys.every((key) => classSet.has(key)) &&
    objects.every((object) => Object.values(object).every((value) => typeof value === 'number'))
  if (numbersByClass) {
    return {
      type: 'object',
      description: 'the probability of each class',
      properties: Object.fromEntries(
        classes.map((name) => [name, { type: 'number', minimum: 0, maximum: 1 }]),
      ),
      required: [...classes],
      additionalProperties: false,
      [CLASS_PROBABILITIES]: true,
    }
  }
  return {
    type: 'object',
    properties: Object.fromEntries(
      keys.map((key) => [
        key,
        describe(
          objects.filter((object) => Object.hasOwn(object, key)).map((object) => object[key]),
          classSet,
          classes,
        ),
      ]),
    ),
    required: keys.filter((key) => objects.every((object) => Object.hasOwn(object, key))),
  }
}
