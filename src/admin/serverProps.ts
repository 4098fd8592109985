import type { Payload, ServerProps, TypedUser } from 'payload'

/**
 * What the plugin's server components (the dashboard's review queue, the company details' note)
 * read of the props Payload passes them: the admin's language, Payload, the signed-in user.
 */
export type AdminServerProps = {
  i18n: ServerProps['i18n']
  payload: Payload
  user?: null | TypedUser
}
