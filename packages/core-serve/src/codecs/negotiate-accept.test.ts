import { describe, expect, it } from 'vitest'
import { negotiateAccept } from './negotiate-accept'

const OFFERS = ['application/json', 'text/csv', 'application/jsonlines']

describe('negotiateAccept', () => {
  it('gives the first offer for a missing, empty or */* header', () => {
    expect(negotiateAccept(undefined, OFFERS)).toBe('application/json')
    expect(negotiateAccept('', OFFERS)).toBe('application/json')
    expect(negotiateAccept('*/*', OFFERS)).toBe('application/json')
  })

  it('takes the first supported type, ignoring unsupported ones and parameters', () => {
    expect(negotiateAccept('text/html, TEXT/CSV; charset=utf-8, application/json', OFFERS)).toBe('text/csv')
    expect(negotiateAccept('application/jsonlines', OFFERS)).toBe('application/jsonlines')
  })

  it('skips types with q=0 and prefers higher q-values, then the listed order', () => {
    expect(negotiateAccept('text/csv;q=0, application/jsonlines', OFFERS)).toBe('application/jsonlines')
    expect(negotiateAccept('text/csv;q=0.5, application/jsonlines;q=0.9', OFFERS)).toBe(
      'application/jsonlines',
    )
    expect(negotiateAccept('text/csv;q=0.8, application/jsonlines;q=0.8', OFFERS)).toBe('text/csv')
  })

  it('resolves type wildcards to the first offer they cover', () => {
    expect(negotiateAccept('text/*', OFFERS)).toBe('text/csv')
    expect(negotiateAccept('image/png, */*;q=0.1', OFFERS)).toBe('application/json')
  })

  it('gives nothing when no offer is acceptable', () => {
    expect(negotiateAccept('text/html', OFFERS)).toBeUndefined()
    expect(negotiateAccept('application/json;q=0', OFFERS)).toBeUndefined()
    expect(negotiateAccept('image/*', OFFERS)).toBeUndefined()
  })
})
