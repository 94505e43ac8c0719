// The owner a new model's CODEOWNERS line names: a GitHub team, written @org/team-slug.
import { UserError } from '@sagepack/core-data'

/** GitHub organization names: letters, digits and single hyphens, at most 39 characters. */
const ORGANIZATION = /^[A-Za-z0-9](-?[A-Za-z0-9]){0,38}$/
/** GitHub team slugs: letters, digits, hyphens and underscores (derived from the team's name). */
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

export function checkTeam(team: string): void {
  const problem = teamProblem(team)
  if (!problem) return
  throw new UserError({
    input: `--team ${team === '' ? '""' : team}`,
    problem,
    expected: 'a GitHub team as @org/team-slug, e.g. @sagepack/botany',
    fix: 'pass the team that will own models/<name>/ in .github/CODEOWNERS (it needs write access to the repo)',
  })
}

function teamProblem(team: string): string | null {
  if (!team.startsWith('@')) return 'does not start with @'
  const parts = team.slice(1).split('/')
  if (parts.length === 1) return 'names a user or an organization, not a team'
  if (parts.length > 2) return 'has more than one "/"'
  const [organization, slug] = parts as [string, string]
  if (!ORGANIZATION.test(organization)) return `"${organization}" is not a GitHub organization name`
  if (!TEAM_SLUG.test(slug)) return `"${slug}" is not a GitHub team slug`
  return null
}
