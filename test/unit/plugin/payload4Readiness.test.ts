import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { cookieEntriesCollection } from '../../../collections/CookieEntries'
import { legalDocumentsCollection } from '../../../collections/LegalDocuments'
import { legalEntityGlobal } from '../../../collections/LegalEntity'
import { legalReviewEventsCollection } from '../../../collections/LegalReviewEvents'
import { legalSectionsCollection } from '../../../collections/LegalSections'
import { legalVersionsCollection } from '../../../collections/LegalVersions'
import { resolveOptions } from '../../../src/options'

/**
 * Payload 4 changes two defaults: `depth` of the Local API (to 1) and `versions` (on). The
 * plugin states both everywhere, so its behaviour does not move with them.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const sources = ['src', 'collections'].flatMap((dir) =>
  fs
    .readdirSync(path.join(root, dir), { encoding: 'utf8', recursive: true })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file)),
)

/** The argument object of each `payload.<op>({ … })` or `localApi(payload).<op>({ … })` call (src/localApi.ts), by brace matching. */
function localApiCalls(source: string): { args: string; line: number; op: string }[] {
  const calls: { args: string; line: number; op: string }[] = []
  const pattern =
    /(?:payload|localApi\([^)]*\))\s*\.\s*(find|findByID|findGlobal|findVersions|findVersionByID|findGlobalVersions|update|updateGlobal|create|delete|duplicate|findEntity|updateEntity)\(\s*\{/g
  for (const match of source.matchAll(pattern)) {
    const start = match.index + match[0].length - 1
    let depth = 0
    let end = start
    for (; end < source.length; end++) {
      if (source[end] === '{') {
        depth++
      } else if (source[end] === '}' && --depth === 0) {
        break
      }
    }
    calls.push({
      args: source.slice(start, end + 1),
      line: source.slice(0, match.index).split('\n').length,
      op: match[1],
    })
  }
  return calls
}

describe('Payload 4 readiness', () => {
  test('every Local API call in the plugin passes depth explicitly', () => {
    const calls = sources.flatMap((file) =>
      localApiCalls(fs.readFileSync(path.join(root, file), 'utf8')).map((call) => ({
        ...call,
        file,
      })),
    )
    expect(calls.length).toBeGreaterThan(30) // the scan finds the calls it is meant to check
    expect(
      calls
        .filter((call) => !/\bdepth\s*:/.test(call.args))
        .map((c) => `${c.file}:${c.line} payload.${c.op}`),
    ).toEqual([])
  })

  test('the scan would notice a call without depth', () => {
    expect(
      localApiCalls("await req.payload.find({ collection: 'x', where: { a: { equals: 1 } } })"),
    ).toHaveLength(1)
    expect(/\bdepth\s*:/.test(localApiCalls("payload.find({ collection: 'x' })")[0].args)).toBe(
      false,
    )
  })

  test('every collection and the global set `versions` explicitly', () => {
    const options = resolveOptions()
    const configs = [
      legalDocumentsCollection(options),
      legalSectionsCollection(options),
      legalVersionsCollection(options),
      cookieEntriesCollection(options),
      legalReviewEventsCollection(options),
      legalEntityGlobal(options),
    ]
    for (const config of configs) {
      expect({
        slug: config.slug,
        explicit: 'versions' in config && config.versions !== undefined,
      }).toEqual({ slug: config.slug, explicit: true })
    }
  })
})
