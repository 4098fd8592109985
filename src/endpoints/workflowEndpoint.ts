import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { textOf } from '../utilities/text.js'
import { performWorkflowAction } from '../workflow/performWorkflowAction.js'
import { DOCUMENT_SUBJECT, type WorkflowSubject } from '../workflow/subjects.js'

/**
 * An endpoint of `/:id/workflow` on a collection under the review workflow (legal documents
 * unless `subject` names another): the action (POST) and the state it leaves (GET) share it.
 */
export const workflowRoute =
  (
    method: 'get' | 'post',
    handle: (req: PayloadRequest, fourEyes: boolean, subject: WorkflowSubject) => Promise<Response>,
  ) =>
  (fourEyes: boolean, subject: WorkflowSubject = DOCUMENT_SUBJECT): Endpoint => ({
    handler: (req) => handle(req, fourEyes, subject),
    method,
    path: '/:id/workflow',
  })

/**
 * POST /api/legal-documents/:id/workflow (and /api/cookie-entries/:id/workflow)
 * `{ "action": "submit" | "approve" | "request-changes" | …, "comment"?: string, "noticeOverride"?: string }`
 * (`noticeOverride`: approve only, the reason for overriding the notice period).
 */
export const workflowEndpoint = workflowRoute('post', async (req, fourEyes, subject) => {
  await addDataAndFileToRequest(req)
  const body = (req.data ?? {}) as {
    action?: unknown
    comment?: unknown
    noticeOverride?: unknown
  }
  const result = await performWorkflowAction(req, {
    id: textOf(req.routeParams?.id),
    action: textOf(body.action),
    collection: subject.slug,
    // Cast: anything else a client sent goes on as it is, for performWorkflowAction to refuse
    // with its 400 (it checks the type at run time: it is public API and called untyped).
    comment:
      typeof body.comment === 'string'
        ? body.comment
        : body.comment == null
          ? null
          : (body.comment as never),
    fourEyes,
    noticeOverride: body.noticeOverride == null ? null : (body.noticeOverride as string),
  })
  return Response.json(result)
})
