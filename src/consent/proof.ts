import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'

import { stringify } from 'csv-stringify/sync'

import { localApi } from '../localApi.js'
import { hasRole, type MaybeUser } from '../roles.js'
import { SLUGS } from '../slugs.js'
import { jsonRefusal, noStoreJson } from '../utilities/jsonResponse.js'
import { textOf } from '../utilities/text.js'
import { CONSENT_CHOICE_FIELDS, CONSENT_ID_PATTERN } from './validate.js'

/**
 * Proof of consent (issue 15, point 4), for admins only: every record of one visitor's
 * `consentId` ("what did I consent to?"), and the log between two instants as CSV or JSON,
 * streamed in batches read by keyset on id, so an export of millions of records holds one
 * batch in memory at a time.
 */

/** Records read per query by the export. */
export const EXPORT_BATCH = 500

/** The columns of the CSV export, in order; the JSON export has the same keys. */
export const EXPORT_COLUMNS = [
  'id',
  'consentId',
  'recordedAt',
  ...CONSENT_CHOICE_FIELDS,
  'configHash',
  'ip',
  'ipHash',
  'userAgent',
  'pageUrl',
] as const

type Row = Record<(typeof EXPORT_COLUMNS)[number], unknown>

/** 401 anonymous, 403 signed in without the admin role; null: go on. */
function adminRefusal(user: MaybeUser): { message: string; status: 401 | 403 } | null {
  if (!user) {
    return { message: 'You must be signed in as an admin.', status: 401 }
  }
  if (!hasRole(user, 'admin')) {
    return { message: 'Only admins may read the consent log.', status: 403 }
  }
  return null
}

function adminOnly(req: PayloadRequest): null | Response {
  const refused = adminRefusal(req.user)
  return refused ? jsonRefusal(refused.status, refused.message) : null
}

export type ConsentLookupAnswer = { body: unknown; status: number }

/**
 * Every record of one consent ID, oldest first, for an admin ("what did I consent to?"): the
 * answer of `GET /api/legal/consents/:consentId` through Payload and through the fast path
 * (src/consent/fastPath.ts) alike.
 */
export async function lookupConsent(
  payload: Payload,
  user: MaybeUser,
  consentId: string,
): Promise<ConsentLookupAnswer> {
  const refused = adminRefusal(user)
  if (refused) {
    return { body: { errors: [{ message: refused.message }] }, status: refused.status }
  }
  const notFound = {
    body: { errors: [{ message: 'No consent was recorded with this consent ID.' }] },
    status: 404,
  }
  if (!CONSENT_ID_PATTERN.test(consentId)) {
    return notFound
  }
  const found = await localApi(payload).find({
    collection: SLUGS.consents,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'recordedAt',
    where: { consentId: { equals: consentId.toLowerCase() } },
  })
  if (!found.docs.length) {
    return notFound
  }
  const records = found.docs.map(toRow)
  // The visitor's choice now is the latest record; the others are its history.
  return {
    body: { consentId: consentId.toLowerCase(), current: records[records.length - 1], records },
    status: 200,
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * `from` (inclusive) and `to` (exclusive) of the export as ISO instants. A date without a time
 * is midnight UTC of that day for `from`, and the end of that day for `to` (so `from=to=day`
 * exports the whole day). Null: unbounded. A string: what is wrong.
 */
export function parseRange(
  from: null | string,
  to: null | string,
): { from: null | string; to: null | string } | string {
  const read = (
    value: null | string,
    name: string,
    end: boolean,
  ): { error: string } | null | string => {
    if (value === null || value === '') {
      return null
    }
    const time = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value)
    if (Number.isNaN(time) || value.length > 40) {
      return { error: `"${name}" must be a date (YYYY-MM-DD) or an ISO 8601 date and time.` }
    }
    return new Date(DATE_ONLY.test(value) && end ? time + 24 * 60 * 60_000 : time).toISOString()
  }
  const f = read(from, 'from', false)
  const t = read(to, 'to', true)
  if (f && typeof f === 'object') {
    return f.error
  }
  if (t && typeof t === 'object') {
    return t.error
  }
  if (f && t && f >= t) {
    return '"from" must be before "to".'
  }
  return { from: f, to: t }
}

const toRow = (doc: Record<string, unknown>): Row =>
  Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, doc[c] ?? null])) as Row

/** CSV cells: lists and objects as their JSON text. */
const csvCells = (row: Row) =>
  EXPORT_COLUMNS.map((c) =>
    row[c] !== null && typeof row[c] === 'object' ? JSON.stringify(row[c]) : row[c],
  )

/** One batch of records after `afterId` in the range, by id. */
async function batch(
  payload: Payload,
  range: { from: null | string; to: null | string },
  afterId: null | number | string,
) {
  const and: Where[] = []
  if (range.from) {
    and.push({ recordedAt: { greater_than_equal: range.from } })
  }
  if (range.to) {
    and.push({ recordedAt: { less_than: range.to } })
  }
  if (afterId !== null) {
    and.push({ id: { greater_than: afterId } })
  }
  const found = await localApi(payload).find({
    collection: SLUGS.consents,
    depth: 0,
    limit: EXPORT_BATCH,
    overrideAccess: true,
    pagination: false,
    sort: 'id',
    where: and.length ? { and } : {},
  })
  return found.docs
}

/** The export as a stream: `format` 'csv' (header row first) or 'json' (one array). */
export function exportStream(
  payload: Payload,
  range: { from: null | string; to: null | string },
  format: 'csv' | 'json',
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let afterId: null | number | string = null
  let started = false
  let count = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let out = ''
        if (!started) {
          started = true
          out += format === 'csv' ? stringify([[...EXPORT_COLUMNS]]) : '['
        }
        const docs = await batch(payload, range, afterId)
        for (const doc of docs) {
          const row = toRow(doc)
          out +=
            format === 'csv'
              ? stringify([csvCells(row)])
              : `${count ? ',' : ''}\n${JSON.stringify(row)}`
          count++
        }
        if (docs.length) {
          afterId = docs[docs.length - 1].id
        }
        const done = docs.length < EXPORT_BATCH
        if (done && format === 'json') {
          out += count ? '\n]\n' : ']\n'
        }
        if (out) {
          controller.enqueue(encoder.encode(out))
        }
        if (done) {
          controller.close()
        }
      } catch (err) {
        payload.logger.error({ err, msg: 'The consent log export failed.' })
        controller.error(err)
      }
    },
  })
}

/**
 * `GET /api/legal/consents/export?format=csv|json&from=&to=` and
 * `GET /api/legal/consents/:consentId` (docs/API.md "Consent log").
 */
export function consentProofEndpoints(): Endpoint[] {
  return [
    {
      handler: (req) => {
        const refused = adminOnly(req)
        if (refused) {
          return refused
        }
        const format = req.searchParams.get('format') ?? 'csv'
        if (format !== 'csv' && format !== 'json') {
          return jsonRefusal(400, '"format" must be "csv" or "json".')
        }
        const range = parseRange(req.searchParams.get('from'), req.searchParams.get('to'))
        if (typeof range === 'string') {
          return jsonRefusal(400, range)
        }
        const name = `consents_${(range.from ?? 'start').slice(0, 10)}_${(range.to ?? 'now').slice(0, 10)}.${format}`
        return new Response(exportStream(req.payload, range, format), {
          headers: {
            'cache-control': 'no-store',
            'content-disposition': `attachment; filename="${name}"`,
            'content-type':
              format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          },
          status: 200,
        })
      },
      method: 'get',
      path: '/legal/consents/export',
    },
    {
      handler: async (req) => {
        const answer = await lookupConsent(
          req.payload,
          req.user,
          textOf(req.routeParams?.consentId),
        )
        return noStoreJson(answer.status, answer.body)
      },
      method: 'get',
      path: '/legal/consents/:consentId',
    },
  ]
}
