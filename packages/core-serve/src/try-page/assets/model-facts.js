// Reads what the page is made from out of /openapi.json, the runtime's own description of the model:
// its features in row order (kind, doc, training range, categories, whether a gap is filled), its
// label, its example in each request format, and which bundle is serving.

export async function loadModelFacts() {
  const response = await fetch('/openapi.json', { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}: ${await response.text()}`)
  const document = await response.json()
  const schemas = document.components?.schemas ?? {}
  const row = schemas.Row ?? {}
  const order = row['x-sagepack-order'] ?? []
  const required = new Set(row.required ?? [])
  const features = order.map((name) => {
    const property = row.properties?.[name] ?? {}
    return {
      name,
      kind: property['x-sagepack-kind'] ?? 'numeric',
      doc: property.description ?? '',
      required: required.has(name),
      fill: property['x-sagepack-missing'],
      trainingRange: property['x-sagepack-trainingRange'],
      categories: property['x-sagepack-categories'] ?? [],
    }
  })
  const labelSchema = schemas.Label
  const content = document.paths?.['/invocations']?.post?.requestBody?.content ?? {}
  const exampleJson = content['application/json']?.example
  return {
    identity: document.info?.['x-sagepack-bundle'] ?? {},
    features,
    label: labelSchema
      ? { name: labelSchema.title, kind: labelSchema['x-sagepack-kind'], classes: labelSchema.enum ?? [] }
      : undefined,
    probabilitiesField: probabilitiesField(schemas.Prediction),
    example: {
      'application/json': exampleJson === undefined ? '' : JSON.stringify(exampleJson, null, 2),
      'text/csv': content['text/csv']?.example ?? '',
      'application/jsonlines': content['application/jsonlines']?.example ?? '',
    },
    exampleRow: firstRow(exampleJson, order),
  }
}

/** Where a prediction holds the probability of each class: '' for the prediction itself, or a field. */
function probabilitiesField(prediction) {
  if (!prediction) return undefined
  if (prediction['x-sagepack-classProbabilities']) return ''
  for (const [name, property] of Object.entries(prediction.properties ?? {})) {
    if (property['x-sagepack-classProbabilities']) return name
  }
  return undefined
}

/** The example's first row as an object keyed by feature name (example rows may be arrays in row order). */
function firstRow(example, order) {
  const rows = Array.isArray(example) ? example : example?.instances
  const row = Array.isArray(rows) ? rows[0] : undefined
  if (Array.isArray(row)) return Object.fromEntries(order.map((name, index) => [name, row[index]]))
  return row && typeof row === 'object' ? row : {}
}
