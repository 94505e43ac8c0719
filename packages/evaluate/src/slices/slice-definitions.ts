// Turns the `evaluate.slices` a model's config declares into slice definitions, checking each column
// against the columns the run's data has, so a typo fails naming the column and the ones there are.
import { UserError } from '@sagepack/core-data'
import type { SliceDeclaration } from '@sagepack/core-train/workspace'

export interface SliceDefinition {
  /** The title the report shows: the name given, else `column` (and the derived measure). */
  title: string
  column: string
  derive?: 'length' | 'words'
  bins?: readonly number[]
}

const DERIVED_TITLE = { length: 'length in characters', words: 'words' } as const

export function sliceDefinitions(
  declarations: readonly SliceDeclaration[],
  columns: readonly string[],
  where: { model: string },
): SliceDefinition[] {
  return declarations.map((declaration, i) => {
    if (!columns.includes(declaration.column)) {
      throw new UserError({
        input: `models/${where.model}/config.ts, evaluate.slices[${i}].column`,
        problem: `names the column "${declaration.column}", which the run's data does not have`,
        expected: `one of its columns: ${columns.join(', ')}`,
        fix: `correct the column name, or remove the slice (\`sagepack config ${where.model}\` shows evaluate.slices)`,
      })
    }
    const title =
      declaration.name ??
      (declaration.derive ? `${declaration.column} ${DERIVED_TITLE[declaration.derive]}` : declaration.column)
    return {
      title,
      column: declaration.column,
      ...(declaration.derive ? { derive: declaration.derive } : {}),
      ...(declaration.bins ? { bins: declaration.bins } : {}),
    }
  })
}
