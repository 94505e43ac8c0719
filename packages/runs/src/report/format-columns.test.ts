import { describe, expect, it } from 'vitest'
import { formatColumns } from './format-columns'

describe('formatColumns', () => {
  it('pads each column to its widest cell, two spaces apart, numbers right, no trailing spaces', () => {
    expect(
      formatColumns(
        [
          ['run', 'accuracy', 'backend'],
          ['a', '0.9667', 'wasm'],
          ['bbbbb', '1.0000', ''],
        ],
        ['left', 'right', 'left'],
      ),
    ).toEqual(['run    accuracy  backend', 'a        0.9667  wasm', 'bbbbb    1.0000'])
  })
})
