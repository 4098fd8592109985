/**
 * The REST query-string check (dev/server/apiQuery.ts): what Payload's admin and a website send
 * passes; what Payload cannot read is refused with a sentence naming the parameter. The
 * hostile-input corpus sends the refused shapes to the real server across every collection.
 */
import { describe, expect, test } from '@jest/globals'
import * as qs from 'qs-esm'

import { apiQueryProblem } from '../../dev/server/apiQuery'

describe('accepted: what the admin and websites send', () => {
  test.each([
    '',
    '?',
    '?depth=0&limit=10&page=1&sort=-updatedAt',
    '?draft=true&depth=1&locale=uk&fallback-locale=en',
    '?where[slug][equals]=privacy-policy',
    '?where[or][0][and][0][title][like]=terms&where[or][0][and][1][_status][equals]=published',
    '?where[id][in]=1,2,3',
    '?where[id][in][0]=1&where[id][in][1]=2',
    '?where[id][not_in][0]=4',
    '?where[approvedBy][exists]=true',
    '?where[document.slug][equals]=terms-of-use',
    '?sort=title,-createdAt',
    '?sort[0]=title&sort[1]=-createdAt',
    '?select[title]=true&select[slug]=true',
    '?populate[legal-sections][heading]=true',
    '?joins[reviewHistory][limit]=5&joins[reviewHistory][sort]=-at&joins[reviewHistory][count]=true',
    '?joins[reviewHistory]=false',
    '?trash=false&pagination=false',
    `?where=${encodeURIComponent(JSON.stringify({ and: [{ title: { equals: 'Terms' } }, { version: { greater_than: 0 } }] }))}`,
    // What Payload's admin builds with the same library.
    `?${qs.stringify({ depth: 0, limit: 10, sort: '-updatedAt', where: { and: [{ or: [{ title: { like: 'x' } }] }, { _status: { not_equals: 'draft' } }] } })}`,
  ])('%s', (search) => {
    expect(apiQueryProblem(search)).toBeNull()
  })
})

describe('refused, with the reason', () => {
  test.each([
    ['?where=abc', /where must be conditions/],
    ['?where=[1]', /where must be an object/],
    ['?where[title][like][]=x', /where\[title\]\[like\] takes one value/],
    ['?where[title]=x', /where\[title\] must name an operator/],
    ['?where[title][nope]=x', /"nope" is not an operator/],
    ['?where[or]=x', /where\[or\] must be a list/],
    ['?where[a..b][equals]=x', /"a..b" is not a field path/],
    ['?where[a.b.c.d.e.f][equals]=x', /deeper than 5 fields/],
    ['?where[title][exists]=maybe', /takes true or false/],
    ['?where[id][in][a][b]=1', /takes a comma-separated list/],
    ['?sort[a]=b', /sort must be field names/],
    ['?sort=title;drop', /is not a field path/],
    ['?select=abc', /select must list fields/],
    ['?select[title]=maybe', /select\[title\] must list fields/],
    ['?populate=abc', /populate must name collections/],
    ['?joins=abc', /joins must name join fields/],
    ['?joins[reviewHistory][limit]=x', /must be a whole number/],
    ['?joins[reviewHistory][bogus]=1', /"bogus" is not a join option/],
    ['?limit=abc', /limit must be a whole number/],
    ['?limit=-1', /limit must be a whole number/],
    ['?page=0', /page starts at 1/],
    ['?depth[]=1', /depth must be a whole number/],
    ['?draft[x]=1', /draft takes one value/],
    ['?locale[]=en', /locale takes one value/],
    ['?data=%7Bbroken', /data in the query string must be JSON/],
    ['?where[title][equals]=a%00b', /NUL character/],
  ])('%s', (search, reason) => {
    expect(apiQueryProblem(search)).toMatch(reason)
  })

  test('and/or nesting is bounded', () => {
    let where: Record<string, unknown> = { title: { equals: 'x' } }
    for (let i = 0; i < 12; i++) {
      where = { and: [where] }
    }
    expect(apiQueryProblem(`?where=${encodeURIComponent(JSON.stringify(where))}`)).toMatch(
      /nests and\/or more than 10 levels/,
    )
  })
})
