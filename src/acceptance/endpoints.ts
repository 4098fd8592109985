import type { Endpoint, PayloadRequest } from 'payload'

import { stringify } from 'csv-stringify/sync'

import type { Role } from '../roles.js'

import { jsonRefusal, noStoreJson } from '../utilities/jsonResponse.js'
import { RECORD_FACT_NAMES } from './chain.js'
import {
  type Answer,
  authorize,
  eraseSubject,
  ledgerRows,
  publicRecord,
  recordAcceptance,
  subjectStatus,
  verifyAcceptanceLedger,
} from './ledger.js'
import { parseExportFilter } from './validate.js'

/** An acceptance is a few hundred bytes; 16 KB leaves room for a long user agent and nothing else. */
export const MAX_ACCEPTANCE_BODY = 16 * 1024
const PATH = '/legal/acceptances'

const answer = (a: Answer) => noStoreJson(a.status, a.body)

/** The JSON body, or a refusal: 413 over the limit, 415 not JSON, 400 unreadable. */
async function readJson(
  req: PayloadRequest,
): Promise<{ body: unknown; ok: true } | { ok: false; response: Response }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json') {
    return { ok: false, response: jsonRefusal(415, 'Send JSON (Content-Type: application/json).') }
  }
  if (Number(req.headers.get('content-length') ?? '0') > MAX_ACCEPTANCE_BODY) {
    return {
      ok: false,
      response: jsonRefusal(
        413,
        `The request body is larger than ${MAX_ACCEPTANCE_BODY / 1024} KB.`,
      ),
    }
  }
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (text.length > MAX_ACCEPTANCE_BODY) {
    return {
      ok: false,
      response: jsonRefusal(
        413,
        `The request body is larger than ${MAX_ACCEPTANCE_BODY / 1024} KB.`,
      ),
    }
  }
  try {
    return { body: JSON.parse(text), ok: true }
  } catch {
    return { ok: false, response: jsonRefusal(400, 'The request body is not valid JSON.') }
  }
}

/**
 * A POST with a JSON body. The role is checked before the body is read: a caller without it
 * gets 401 or 403 whatever it sent.
 */
const jsonPost =
  (roles: Role[], act: (req: PayloadRequest, body: unknown) => Promise<Answer>) =>
  async (req: PayloadRequest): Promise<Response> => {
    const denied = authorize(req, roles)
    if (denied) {
      return answer(denied)
    }
    const read = await readJson(req)
    if (!read.ok) {
      return read.response
    }
    return answer(await act(req, read.body))
  }

/** Every chained field, with the row's id, its subject, the subject's salt and the chain's links. */
const CSV_COLUMNS = [
  'id',
  'event',
  'subject',
  ...RECORD_FACT_NAMES,
  'subjectSalt',
  'subjectCommitment',
  'previousHash',
  'hash',
] as const

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula:
 * such text cells get a leading apostrophe in the CSV (OWASP "CSV injection"). JSON is exact.
 */
const defuse = (value: unknown) =>
  typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value

/**
 * The export as a stream: each pull reads one batch of rows (keyset on id) and emits it, so an
 * export of millions of records holds one batch in memory, and a client that stops reading
 * stops the queries.
 */
function exportStream(
  req: PayloadRequest,
  format: 'csv' | 'json',
  filter: Parameters<typeof ledgerRows>[1],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const batches = ledgerRows(req.payload, filter)
  let first = true
  return new ReadableStream<Uint8Array>({
    async cancel() {
      await batches.return(undefined)
    },
    async pull(controller) {
      try {
        const next = await batches.next()
        if (next.done) {
          if (format === 'json') {
            controller.enqueue(encoder.encode(first ? '[]\n' : '\n]\n'))
          } else if (first) {
            controller.enqueue(
              encoder.encode(stringify([], { columns: [...CSV_COLUMNS], header: true })),
            )
          }
          controller.close()
          return
        }
        const records = next.value.map(publicRecord)
        let chunk: string
        if (format === 'json') {
          chunk = records
            .map((r, i) => `${first && i === 0 ? '[\n' : ',\n'}${JSON.stringify(r)}`)
            .join('')
        } else {
          const rows = records.map((r) => CSV_COLUMNS.map((c) => defuse(r[c] ?? '')))
          chunk = stringify(rows, { columns: [...CSV_COLUMNS], header: first })
        }
        first = false
        controller.enqueue(encoder.encode(chunk))
      } catch (err) {
        req.payload.logger.error({ err, msg: 'Acceptance ledger export failed' })
        controller.error(err)
      }
    },
  })
}

/**
 * The acceptance ledger's endpoints (docs/API.md "Acceptance ledger"):
 * - `POST /api/legal/acceptances` (service accounts, admins): record an acceptance.
 * - `GET /api/legal/acceptances/status?subject=` (service accounts, admins): what to ask.
 * - `POST /api/legal/acceptances/erase` (admins): pseudonymise a subject.
 * - `GET /api/legal/acceptances/verify` (admins): check the hash chain.
 * - `GET /api/legal/acceptances/export?format=csv|json&subject=&document=&version=&from=&to=` (admins).
 */
export function acceptanceEndpoints(): Endpoint[] {
  return [
    {
      handler: jsonPost(['service', 'admin'], recordAcceptance),
      method: 'post',
      path: PATH,
    },
    {
      handler: async (req) => answer(await subjectStatus(req, req.searchParams.get('subject'))),
      method: 'get',
      path: `${PATH}/status`,
    },
    {
      handler: jsonPost(['admin'], eraseSubject),
      method: 'post',
      path: `${PATH}/erase`,
    },
    {
      handler: async (req) => {
        const denied = authorize(req, ['admin'])
        if (denied) {
          return answer(denied)
        }
        return noStoreJson(200, await verifyAcceptanceLedger(req.payload))
      },
      method: 'get',
      path: `${PATH}/verify`,
    },
    {
      handler: (req) => {
        const denied = authorize(req, ['admin'])
        if (denied) {
          return answer(denied)
        }
        const format = req.searchParams.get('format') ?? 'json'
        if (format !== 'csv' && format !== 'json') {
          return jsonRefusal(400, '"format" must be csv or json.')
        }
        const filter = parseExportFilter(req.searchParams)
        if (!filter.ok) {
          return jsonRefusal(filter.status, filter.message)
        }
        const stamp = new Date().toISOString().slice(0, 10)
        return new Response(exportStream(req, format, filter.value), {
          headers: {
            'cache-control': 'no-store',
            'content-disposition': `attachment; filename="legal-acceptances-${stamp}.${format}"`,
            'content-type':
              format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
            'x-content-type-options': 'nosniff',
          },
          status: 200,
        })
      },
      method: 'get',
      path: `${PATH}/export`,
    },
  ]
}
