// The columns of the Iris data: four measurements in centimetres and the species label.
import type { DatasetSchema } from '@sagepack/core-data'

export const IRIS_SPECIES = ['setosa', 'versicolor', 'virginica'] as const

export const irisSchema: DatasetSchema = {
  features: [
    { name: 'sepal_length', kind: 'numeric', min: 0, max: 10, doc: 'cm' },
    { name: 'sepal_width', kind: 'numeric', min: 0, max: 10, doc: 'cm' },
    { name: 'petal_length', kind: 'numeric', min: 0, max: 10, doc: 'cm' },
    { name: 'petal_width', kind: 'numeric', min: 0, max: 10, doc: 'cm' },
  ],
  label: { name: 'species', kind: 'class', classes: IRIS_SPECIES },
}
