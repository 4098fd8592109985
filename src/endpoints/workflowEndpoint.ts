import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { performWorkflowAction } from '../workflow/performWorkflowAction.js'

/** POST /api/legal-documents/:id/workflow  { "action": "submit" | "approve" | "request-changes", "comment"?: string } */
export function workflowEndpoint(fourEyes: boolean): Endpoint {
  return {
    path: '/:id/workflow',
    method: 'post',
    handler: async (req) => {
      await addDataAndFileToRequest(req)
      const body = (req.data ?? {}) as { action?: unknown; comment?: unknown }
      const result = await performWorkflowAction(req, {
        id: String(req.routeParams?.id ?? ''),
        action: String(body.action ?? ''),
        comment: typeof body.comment === 'string' ? body.comment : body.comment == null ? null : (body.comment as never),
        fourEyes,
      })
      return Response.json(result)
    },
  }
}
