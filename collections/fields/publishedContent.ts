import type {
  CollectionAdminOptions,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  CollectionSlug,
} from 'payload'

import { readersSortByOwnFields } from '../../src/hooks/publicQueries.js'
import {
  refuseSilentUnpublish,
  refuseSingleLocalePublish,
} from '../../src/hooks/refuseUnpublish.js'
import { refuseRestoreOverLiveRow, rememberLiveRow } from '../../src/hooks/restoreGuard.js'
import { readersSeePublished, routeWritesToDrafts } from '../../src/hooks/routeWrites.js'

/** A published-content collection's own hooks, and how it is published. */
interface ContentHooks {
  afterChange: CollectionAfterChangeHook
  afterDelete?: CollectionAfterDeleteHook
  beforeChange: CollectionBeforeChangeHook
  beforeDelete: CollectionBeforeDeleteHook
  /** Published in all its languages at once, as reviewed: "Publish in <language>" is refused. */
  refuseSingleLocalePublish?: boolean
  /** What an unpublish outside the workflow is answered with (src/workflow/rules.ts). */
  unpublishRefusal: string
}

/**
 * The hooks of a collection whose drafts the plugin publishes (documents, sections, cookie
 * entries), around its own: the restore guard notes the live row before the collection's
 * `beforeChange` and checks it after its `afterChange`; a silent unpublish is refused before
 * `routeWritesToDrafts` would turn it into a draft save; readers who are not staff see
 * published rows only and sort by the collection's own fields only.
 */
export function publishedContentHooks(
  slug: CollectionSlug,
  { afterDelete, unpublishRefusal, ...own }: ContentHooks,
): CollectionConfig['hooks'] {
  return {
    afterChange: [refuseRestoreOverLiveRow(slug), own.afterChange],
    ...(afterDelete ? { afterDelete: [afterDelete] } : {}),
    beforeChange: [rememberLiveRow(slug), own.beforeChange],
    beforeDelete: [own.beforeDelete],
    beforeOperation: [
      refuseSilentUnpublish(slug, unpublishRefusal),
      ...(own.refuseSingleLocalePublish ? [refuseSingleLocalePublish] : []),
      routeWritesToDrafts,
      readersSeePublished,
      readersSortByOwnFields,
    ],
  }
}

/** The plugin's controls on the edit view, by their names in src/exports/client.ts. */
interface EditControls {
  /** The publish button, which publishes through the workflow. */
  PublishButton: string
  /** Instead of Payload's "Status: Published" line. */
  Status?: string
  /** Reviewed collections: the review workflow's bar (submit, approve, publish) above the form. */
  workflowBar?: boolean
}

/**
 * The edit view of a collection whose drafts the plugin publishes: the plugin's publish button,
 * and no unpublish button (withdrawing is the workflow's "Withdraw", with a reason). Payload's
 * autosaves are the "Save history", named apart from the legal version number ("Version 2").
 */
export function publishedContentComponents(
  componentsPath: string,
  { PublishButton, Status, workflowBar }: EditControls,
): CollectionAdminOptions['components'] {
  const client = (name: string) => `${componentsPath}/client#${name}`
  return {
    edit: {
      ...(workflowBar ? { beforeDocumentControls: [client('WorkflowBar')] } : {}),
      PublishButton: client(PublishButton),
      ...(Status ? { Status: client(Status) } : {}),
      UnpublishButton: client('NoUnpublishButton'),
    },
    views: {
      edit: { versions: { tab: { label: ({ t }) => t('legal-documents:tab-save-history') } } },
    },
  }
}
