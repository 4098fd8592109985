/**
 * The packed plugin in a fresh Payload app, the way a user gets it: `npm pack` this repo,
 * install the tarball into a copy of test/host-app/template (a minimal app after Payload's
 * templates/with-postgres whose config adds the plugin in one line, and the plugin's delivery
 * route file as the README tells hosts to add it) with Payload's generated admin and API route
 * files taken from dev/app/(payload), then generate the import map and types, type-check
 * strictly, create and run migrations, `next build` (all in ./prepareHost.ts, which
 * bench/host.ts shares), `next start` and drive the review workflow and the delivery API over
 * HTTP as a site and its staff would.
 *
 *   npm run test:host        (node --conditions=development --import tsx test/host-app/run.ts)
 *
 * DATABASE_URL: the PostgreSQL server to create the throw-away database on (default
 * postgres://postgres@127.0.0.1:5432/postgres). HOST_APP_KEEP=1 keeps the temp directory.
 */
import { randomBytes } from 'node:crypto'

import { client, expectStatus, type Reply, richText } from './hostHttp'
import {
  check,
  freePort,
  type HostServer,
  type PreparedHost,
  prepareHost,
  seconds,
  StepFailure,
  stepper,
  tail,
} from './prepareHost'

type Json = Record<string, any>

const started = Date.now()
const step = stepper((line) => console.log(line))

async function main(): Promise<void> {
  let host: null | PreparedHost = null
  let server: HostServer | null = null
  const serverLog = () => server?.output() ?? ''

  try {
    host = await prepareHost({ log: (line) => console.log(line) })

    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const http = client(baseUrl)

    await step(`next start -p ${port} (NODE_ENV=production)`, async () => {
      server = await host!.start(port)
    })

    await step('GET /admin/login → 200 HTML', async () => {
      const reply = await http('GET', '/admin/login', null)
      expectStatus(reply, 200, 'GET /admin/login')
      check(
        /text\/html/.test(reply.headers.get('content-type') ?? '') && /<html/i.test(reply.text),
        'the admin did not answer with HTML',
        reply.text.slice(0, 500),
      )
      return new URL(reply.url).pathname
    })

    const tokens = { admin: '', editor: '', reviewer: '' }
    const secret = randomBytes(6).toString('hex')
    const passwords = {
      admin: `pw-admin-${secret}`,
      editor: `pw-editor-${secret}`,
      reviewer: `pw-reviewer-${secret}`,
    }
    const email = (role: string) => `${role}@host-app.test`
    const login = async (role: keyof typeof tokens) => {
      const reply = await http('POST', '/api/users/login', null, {
        email: email(role),
        password: passwords[role],
      })
      expectStatus(reply, 200, `login as ${role}`)
      check(typeof reply.body.token === 'string', `login as ${role} returned no token`, reply.body)
      tokens[role] = reply.body.token
    }

    await step('POST /api/users/first-register without roles → admin', async () => {
      // As the admin's create-first-user form sends it: no roles. The plugin makes the first user
      // of an empty users collection an admin.
      const reply = await http('POST', '/api/users/first-register', null, {
        email: email('admin'),
        password: passwords.admin,
      })
      expectStatus(reply, 200, 'first-register')
      check(
        reply.body.user?.roles?.includes('admin'),
        `the first user is not an admin (roles ${JSON.stringify(reply.body.user?.roles)})`,
        reply.body,
      )
      await login('admin')
      const me = await http('GET', '/api/users/me', tokens.admin)
      check(
        me.body.user?.roles?.includes('admin'),
        'the first user, signed in, is not an admin',
        me.body,
      )
    })

    await step('admin creates an editor and a reviewer; each logs in', async () => {
      for (const role of ['editor', 'reviewer'] as const) {
        const reply = await http('POST', '/api/users', tokens.admin, {
          email: email(role),
          password: passwords[role],
          roles: [role],
        })
        expectStatus(reply, 201, `create the ${role}`)
        check(
          JSON.stringify(reply.body.doc?.roles) === JSON.stringify([role]),
          `the ${role} got roles ${JSON.stringify(reply.body.doc?.roles)}`,
        )
        await login(role)
      }
    })

    const slug = 'host-terms'
    const sectionText = 'These terms apply to everyone who uses the host app.'
    let documentId: number | string = ''

    await step('editor creates a document with a section', async () => {
      const doc = await http('POST', '/api/legal-documents', tokens.editor, {
        slug,
        kind: 'terms-of-use',
        title: 'Host terms',
      })
      expectStatus(doc, 201, 'create the document')
      documentId = doc.body.doc.id
      const section = await http('POST', '/api/legal-sections', tokens.editor, {
        body: richText(sectionText),
        document: documentId,
        heading: 'Scope',
      })
      expectStatus(section, 201, 'create the section')
      const linked = await http('PATCH', `/api/legal-documents/${documentId}`, tokens.editor, {
        sections: [section.body.doc.id],
      })
      expectStatus(linked, 200, 'link the section')
      return `document ${documentId}, section ${section.body.doc.id}`
    })

    const workflow = (token: string, action: string) =>
      http('POST', `/api/legal-documents/${documentId}/workflow`, token, { action })
    /** A workflow action that must succeed and leave the document in `state`. */
    const workflowTo = async (token: string, action: string, state: string) => {
      const reply = await workflow(token, action)
      expectStatus(reply, 200, action)
      check(
        reply.body.workflowState === state,
        `state after ${action}: ${reply.body.workflowState}`,
        reply.body,
      )
    }

    await step('editor submits for review', () => workflowTo(tokens.editor, 'submit', 'in-review'))

    await step("reviewer's admin dashboard shows the plugin's review queue", async () => {
      const reply = await http('GET', '/admin', null, undefined, {
        cookie: `payload-token=${tokens.reviewer}`,
      })
      expectStatus(reply, 200, 'GET /admin as the reviewer')
      check(
        /data-testid="queue-review"/.test(reply.text) && reply.text.includes('Host terms'),
        'the ReviewQueue (rsc export) did not render the waiting document',
        reply.text.slice(0, 1000),
      )
      const edit = await http(
        'GET',
        `/admin/collections/legal-documents/${documentId}`,
        null,
        undefined,
        { cookie: `payload-token=${tokens.reviewer}` },
      )
      expectStatus(edit, 200, 'GET the document edit view as the reviewer')
    })

    await step('reviewer approves and publishes', async () => {
      const editorApproves = await workflow(tokens.editor, 'approve')
      expectStatus(editorApproves, 403, 'an editor approving')
      await workflowTo(tokens.reviewer, 'approve', 'approved')
      const published = await http('PATCH', `/api/legal-documents/${documentId}`, tokens.reviewer, {
        _status: 'published',
      })
      expectStatus(published, 200, 'publish')
      check(
        published.body.doc?.version === 1 && published.body.doc?._status === 'published',
        'the published document is not version 1',
        published.body.doc,
      )
    })

    await step(`anonymous GET /api/legal/documents/${slug} → 200 JSON`, async () => {
      const reply = await http('GET', `/api/legal/documents/${slug}`, null)
      expectStatus(reply, 200, 'delivery')
      check(
        /application\/json/.test(reply.headers.get('content-type') ?? ''),
        'delivery is not JSON',
      )
      check(
        reply.body.version === 1 && reply.body.title === 'Host terms',
        'delivery returned the wrong document',
        reply.body,
      )
      check(
        reply.body.sections?.[0]?.html?.includes(sectionText) &&
          reply.body.text?.includes(sectionText),
        'delivery lacks the section text',
        reply.body,
      )
      const unknown = await http('GET', '/api/legal/documents/no-such-document', null)
      expectStatus(unknown, 404, 'delivery of an unknown slug')
      return `ETag ${reply.headers.get('etag')}; unknown slug → 404`
    })

    await step(
      `legalDeliveryRoutes (app/(payload)/api/legal/[...path]) answers as Payload's handler`,
      async () => {
        // The plugin's route file answers anonymous cached reads itself and passes everything else
        // to Payload's handleEndpoints: a first request of a URL (a miss), and a signed-in one
        // (always passed on; the endpoint does not depend on the user), are Payload's own answers.
        const same = [
          'etag',
          'content-type',
          'cache-control',
          'content-length',
          'vary',
          'access-control-allow-origin',
        ]
        const compare = (what: string, ours: Reply, payloads: Reply) => {
          const shown = (r: Reply) => ({
            status: r.status,
            ...Object.fromEntries(same.map((h) => [h, r.headers.get(h)])),
            bytes: r.bytes.length,
          })
          check(
            ours.status === payloads.status &&
              ours.bytes.equals(payloads.bytes) &&
              same.every((h) => ours.headers.get(h) === payloads.headers.get(h)),
            `${what}: the plugin's route and Payload's handler differ`,
            { payload: shown(payloads), plugin: shown(ours) },
          )
        }
        const url = `/api/legal/documents/${slug}?format=md`
        const miss = await http('GET', url, null)
        expectStatus(miss, 200, 'the first GET of the Markdown URL (a miss)')
        check(
          miss.headers.get('etag') && miss.text.includes(sectionText),
          'the Markdown delivery lacks its ETag or text',
          miss.text.slice(0, 500),
        )
        const hit = await http('GET', url, null)
        compare('miss (Payload) vs hit (plugin)', hit, miss)
        const staff = await http('GET', url, tokens.editor)
        compare('anonymous hit (plugin) vs signed-in (Payload)', hit, staff)
        const json = `/api/legal/documents/${slug}`
        const jsonHit = await http('GET', json, null)
        const jsonPayload = await http('GET', json, tokens.editor)
        expectStatus(jsonHit, 200, 'the JSON delivery')
        compare('JSON: anonymous hit (plugin) vs signed-in (Payload)', jsonHit, jsonPayload)
        const etag = jsonHit.headers.get('etag')!
        const notModified = await http('GET', json, null, undefined, { 'if-none-match': etag })
        expectStatus(notModified, 304, 'If-None-Match with the current ETag (plugin)')
        const notModifiedPayload = await http('GET', json, tokens.editor, undefined, {
          'if-none-match': etag,
        })
        expectStatus(notModifiedPayload, 304, 'If-None-Match with the current ETag (Payload)')
        compare('304: plugin vs Payload', notModified, notModifiedPayload)
        check(notModified.bytes.length === 0, 'the 304 has a body')
        const stale = await http('GET', json, null, undefined, {
          'if-none-match': '"not-the-etag"',
        })
        compare('another ETag: plugin 200', stale, jsonHit)
        return `200 ${jsonHit.bytes.length} B and 304, ETag ${etag}, ${jsonHit.headers.get('cache-control')}`
      },
    )

    await step('anonymous GraphQL legalDocument', async () => {
      const query = `query ($slug: String!) { legalDocument(slug: $slug) { slug title version sections { heading html } text } }`
      const reply = await http('POST', '/api/graphql', null, { query, variables: { slug } })
      expectStatus(reply, 200, 'GraphQL')
      check(!reply.body.errors, 'GraphQL errors', reply.body.errors)
      const doc = reply.body.data?.legalDocument
      check(
        doc?.version === 1 &&
          doc.sections?.[0]?.heading === 'Scope' &&
          doc.text?.includes(sectionText),
        'GraphQL returned the wrong document',
        reply.body,
      )
    })

    await step(`anonymous GET /api/legal/documents/${slug}/versions lists version 1`, async () => {
      const reply = await http('GET', `/api/legal/documents/${slug}/versions`, null)
      expectStatus(reply, 200, 'archive')
      check(
        reply.body.currentVersion === 1 &&
          JSON.stringify(reply.body.versions?.map((v: Json) => v.version)) === '[1]',
        'the archive does not list version 1 alone',
        reply.body,
      )
    })

    await step('anonymous GET /api/legal-documents?draft=true shows no drafts', async () => {
      const edited = await http(
        'PATCH',
        `/api/legal-documents/${documentId}?draft=true`,
        tokens.editor,
        { title: 'Unreviewed draft title' },
      )
      expectStatus(edited, 200, 'a draft edit of the published document')
      const draftOnly = await http('POST', '/api/legal-documents', tokens.editor, {
        slug: 'host-draft-only',
        kind: 'privacy-policy',
        title: 'Never published',
      })
      expectStatus(draftOnly, 201, 'a draft-only document')
      const list = await http('GET', '/api/legal-documents?draft=true&limit=100', null)
      expectStatus(list, 200, 'the anonymous list')
      check(
        list.body.totalDocs === 1 && list.body.docs?.[0]?.title === 'Host terms',
        'the anonymous list is not exactly the published document',
        list.body,
      )
      check(
        !/Unreviewed draft title|Never published/.test(list.text),
        'the anonymous list shows a draft',
        list.text.slice(0, 2000),
      )
      const staff = await http('GET', '/api/legal-documents?draft=true&limit=100', tokens.editor)
      check(
        staff.body.totalDocs === 2,
        'the editor does not see both documents as drafts',
        staff.body,
      )
      const delivered = await http('GET', `/api/legal/documents/${slug}`, null)
      check(
        delivered.body.title === 'Host terms',
        'delivery shows the unreviewed draft',
        delivered.body,
      )
    })

    await step('server log: no import-map misses or errors', () => {
      // Every ERROR line fails: the refusals this run provokes on purpose (the editor's approval,
      // 403; the unknown slug, 404) are expected answers, which the plugin logs at info.
      const bad = serverLog()
        // eslint-disable-next-line no-control-regex -- terminal colour codes are what is removed
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .filter((line) =>
          /not found in importMap|getFromImportMap|Unhandled|\b(?:ERROR|FATAL)\b|⨯/.test(line),
        )
      check(bad.length === 0, 'the server logged errors', bad.slice(0, 20).join('\n'))
    })

    await host.cleanup()
    console.log(`host app passed in ${seconds(Date.now() - started).trim()}`)
  } catch (err) {
    const failure = err instanceof Error ? err : new Error(String(err))
    console.error(`\n${failure.message}`)
    if (failure instanceof StepFailure && failure.output) {
      console.error(`\n── output ──\n${tail(failure.output)}`)
    } else if (!(failure instanceof StepFailure)) {
      console.error(failure.stack)
    }
    if (serverLog()) {
      console.error(
        // eslint-disable-next-line no-control-regex -- terminal colour codes are what is removed
        `\n── server log ──\n${tail(serverLog().replace(/\x1b\[[0-9;]*m/g, ''), 12000)}`,
      )
    }
    await host?.cleanup()
    process.exit(1)
  }
}

await main()
