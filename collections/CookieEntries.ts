import type { CollectionConfig } from 'payload'

import { editorsOrAdmins, publishedOrStaff, staffOnly } from '../src/access/index.js'
import { cookieAfterChange, cookieAfterDelete, cookieBeforeChange, cookieBeforeDelete } from '../src/hooks/cookieHooks.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../src/hooks/restoreGuard.js'
import { readersSeePublished, routeWritesToDrafts } from '../src/hooks/routeWrites.js'
import type { ResolvedLegalDocumentsPluginOptions } from '../src/options.js'
import { SLUGS } from '../src/slugs.js'
import { withContentAccess } from '../src/fields/contentAccess.js'
import { COOKIE_CONTENT_FIELDS } from '../src/workflow/fields.js'

export const COOKIE_CATEGORIES = [
  { label: 'Strictly necessary', value: 'necessary' },
  { label: 'Security', value: 'security' },
  { label: 'Functional / preferences', value: 'functional' },
  { label: 'Performance / analytics', value: 'analytics' },
  { label: 'Advertising / marketing', value: 'marketing' },
] as const

export function cookieEntriesCollection(options: ResolvedLegalDocumentsPluginOptions): CollectionConfig {
  return {
    slug: SLUGS.cookies,
    labels: { singular: 'Cookie', plural: 'Cookie declaration' },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'service', 'category', 'duration', '_status'],
      group: 'Legal',
      components: { edit: { PublishButton: `${options.componentsPath}/client#CookieEntryPublishButton` } },
    },
    access: {
      read: publishedOrStaff,
      create: editorsOrAdmins,
      // Reviewers need update to publish; the hooks refuse them any change of content.
      update: staffOnly,
      delete: staffOnly,
      readVersions: staffOnly,
    },
    hooks: {
      beforeOperation: [routeWritesToDrafts, readersSeePublished],
      beforeChange: [rememberLiveRow(SLUGS.cookies), cookieBeforeChange],
      afterChange: [refuseRestoreOverLiveRow(SLUGS.cookies), cookieAfterChange],
      beforeDelete: [cookieBeforeDelete],
      afterDelete: [cookieAfterDelete],
    },
    versions: { drafts: true, maxPerDoc: 0 },
    fields: withContentAccess([
      {
        name: 'name',
        type: 'text',
        required: true,
        label: 'Cookie name',
        admin: { description: 'The exact name, or a pattern such as "_ga_*" for names that vary.' },
      },
      { name: 'service', type: 'text', label: 'Service', admin: { description: 'e.g. Google Analytics' } },
      { name: 'provider', type: 'text', label: 'Provider (company)' },
      {
        type: 'row',
        fields: [
          { name: 'domain', type: 'text', label: 'Domain' },
          { name: 'path', type: 'text', label: 'Path', defaultValue: '/' },
        ],
      },
      { name: 'category', type: 'select', options: [...COOKIE_CATEGORIES], label: 'Category' },
      { name: 'purpose', type: 'textarea', localized: true, label: 'What it is for' },
      { name: 'duration', type: 'text', localized: true, label: 'How long it is kept', admin: { description: 'e.g. "Session", "2 years"' } },
      {
        name: 'storageType',
        type: 'select',
        defaultValue: 'cookie',
        label: 'Stored as',
        options: [
          { label: 'HTTP cookie', value: 'cookie' },
          { label: 'Local storage', value: 'local-storage' },
          { label: 'Session storage', value: 'session-storage' },
          { label: 'Tracking pixel', value: 'pixel' },
        ],
      },
      {
        name: 'party',
        type: 'select',
        defaultValue: 'first',
        label: 'Set by',
        options: [
          { label: 'Us (first party)', value: 'first' },
          { label: 'Another company (third party)', value: 'third' },
        ],
      },
      { name: 'privacyPolicyUrl', type: 'text', label: "Provider's privacy policy (web address)" },
      {
        name: 'materialChange',
        type: 'checkbox',
        defaultValue: false,
        label: 'Visitors must be asked for consent again after this change',
      },
      {
        name: 'updatedBy',
        type: 'relationship',
        relationTo: options.usersCollection,
        label: 'Last changed by',
        admin: { position: 'sidebar', readOnly: true },
      },
    ], COOKIE_CONTENT_FIELDS),
  }
}
