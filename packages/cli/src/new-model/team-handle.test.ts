import { isUserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { checkTeam } from './team-handle'

function problemOf(team: string): string | null {
  try {
    checkTeam(team)
    return null
  } catch (error) {
    if (!isUserError(error)) throw error
    expect(error.input).toBe(`--team ${team || '""'}`)
    expect(error.expected).toBe('a GitHub team as @org/team-slug, e.g. @sagepack/botany')
    return error.problem
  }
}

describe('checkTeam', () => {
  it('accepts GitHub teams', () => {
    for (const team of ['@sagepack/botany', '@Acme-Corp/ml_platform', '@a/b', `@${'o'.repeat(39)}/t`]) {
      expect(problemOf(team), team).toBeNull()
    }
  })

  it('rejects users, organizations and malformed handles, saying what is wrong', () => {
    expect(problemOf('')).toBe('does not start with @')
    expect(problemOf('acme/growth')).toBe('does not start with @')
    expect(problemOf('@acme')).toBe('names a user or an organization, not a team')
    expect(problemOf('@acme/growth/x')).toBe('has more than one "/"')
    expect(problemOf('@-acme/growth')).toBe('"-acme" is not a GitHub organization name')
    expect(problemOf(`@${'o'.repeat(40)}/t`)).toBe(`"${'o'.repeat(40)}" is not a GitHub organization name`)
    expect(problemOf('@acme/')).toBe('"" is not a GitHub team slug')
    expect(problemOf('@acme/growth team')).toBe('"growth team" is not a GitHub team slug')
  })
})
