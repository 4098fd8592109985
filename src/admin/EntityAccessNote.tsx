import type { Payload } from 'payload'

import React from 'react'

import type { AdminServerProps } from './serverProps.js'

import { hasRole } from '../roles.js'
import { legalT } from '../translations/index.js'
import { pluginOptionsOf } from '../utilities/pluginOptions.js'

/** At most this many administrators are named; more would be a list, not a note. */
const NAMED = 3

/** The administrators' e-mail addresses, for whom to ask; none when the host's users have no roles field. */
async function adminAddresses(payload: Payload): Promise<string[]> {
  const users = pluginOptionsOf(payload)?.usersCollection
  if (!users) {
    return []
  }
  const found = await payload
    .find({
      collection: users,
      depth: 0,
      limit: NAMED,
      overrideAccess: true,
      select: { email: true },
      sort: 'email',
      where: { roles: { in: ['admin'] } },
    })
    .catch(() => null)
  return (found?.docs ?? [])
    .map((d) => Object.fromEntries(Object.entries(d)).email)
    .filter((e): e is string => typeof e === 'string' && e !== '')
}

/**
 * The company details are for administrators only: everyone else sees the form read-only, and
 * this note at its top says why, who can change them and how to ask (the administrators'
 * addresses). Administrators see nothing.
 */
export async function EntityAccessNote({ i18n, payload, user }: AdminServerProps) {
  if (!user || hasRole(user, 'admin')) {
    return null
  }
  const t = legalT(i18n)
  const admins = await adminAddresses(payload)
  return (
    <div className="legal-entity-note" data-testid="entity-access-note" role="note">
      <p>
        <strong>{t('legal-documents:entity-note-title')}</strong>{' '}
        {t('legal-documents:entity-note-body')}
      </p>
      <p>
        {admins.length ? (
          <>
            {t('legal-documents:entity-note-ask')}{' '}
            {admins.map((email, i) => (
              <React.Fragment key={email}>
                {i > 0 ? ', ' : ''}
                <a href={`mailto:${email}`}>{email}</a>
              </React.Fragment>
            ))}
          </>
        ) : (
          t('legal-documents:entity-note-ask-admin')
        )}
      </p>
    </div>
  )
}
