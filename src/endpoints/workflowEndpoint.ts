import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { performWorkflowAction } from '../workflow/performWorkflowAction.js'

/**
 * POST /api/legal-documents/:id/workflow
 * `{ "action": "submit" | "approve" | "request-changes" | …, "comment"?: string, "noticeOverride"?: string }`
 * (`noticeOverride`: approve only, the reason for overriding the notice period).
 */
export function workflowEndpoint(fourEyes: boolean): Endpoint {
  return {
    path: '/:id/workflow',
    method: 'post',
    handler: async (req) => {
      await addDataAndFileToRequest(req)
      const body = (req.data ?? {}) as { action?: unknown; comment?: unknown; noticeOverride?: unknown }
      const result = await performWorkflowAction(req, {
        id: String(req.routeParams?.id ?? ''),
        action: String(body.action ?? ''),
        comment: typeof body.comment === 'string' ? body.comment : body.comment == null ? null : (body.comment as never),
        fourEyes,
        noticeOverride: body.noticeOverride == null ? null : (body.noticeOverride as string),
      })
      return Response.json(result)
    },
  }
}
