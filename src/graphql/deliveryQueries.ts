import type { GraphQLExtension, PayloadRequest } from 'payload'

import { GraphQLJSON } from '@payloadcms/graphql/types'

import { loadConsentConfig, loadCookieDeclaration } from '../delivery/cookies.js'
import {
  type DeliveredDocument,
  deliveredDocument,
  diffResponse,
  listArchive,
  loadArchiveRecord,
  loadCurrent,
  type UpcomingVersion,
} from '../delivery/documents.js'
import { DeliveryError } from '../delivery/errors.js'
import { parseLocale, parseSlug } from '../delivery/params.js'
import { defaultLocaleOf } from '../utilities/locales.js'

type Ctx = { req: PayloadRequest }

const positive = (n: null | number | undefined, name: string) => {
  if (n === null || n === undefined) {
    return undefined
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new DeliveryError(`"${name}" must be a positive whole number.`)
  }
  return n
}

/**
 * GraphQL twins of the delivery endpoints, returning the same shapes: `legalDocument`,
 * `legalDocumentVersions`, `legalDocumentDiff`, `cookieDeclaration`, `cookieConsentConfig`.
 */
export const deliveryQueries: GraphQLExtension = (GraphQL) => {
  const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const str = { type: GraphQLString }
  const nnStr = { type: new GraphQLNonNull(GraphQLString) }
  const Toc = new GraphQLObjectType({
    name: 'LegalTocEntry',
    fields: { anchor: nnStr, heading: nnStr },
  })
  const Section = new GraphQLObjectType({
    name: 'LegalDeliveredSection',
    fields: { anchor: nnStr, heading: nnStr, html: nnStr },
  })
  const { GraphQLBoolean } = GraphQL
  const Diff = new GraphQLObjectType({
    name: 'LegalUpcomingDiff',
    fields: {
      from: { type: new GraphQLNonNull(GraphQLInt) },
      to: { type: new GraphQLNonNull(GraphQLInt) },
      url: nnStr,
    },
  })
  const Upcoming = new GraphQLObjectType({
    name: 'LegalUpcomingVersion',
    fields: {
      changeSummary: str,
      diff: { type: Diff },
      effectiveDate: nnStr,
      materialChange: { type: new GraphQLNonNull(GraphQLBoolean) },
      publishedAt: nnStr,
      version: { type: new GraphQLNonNull(GraphQLInt) },
    } satisfies Record<keyof UpcomingVersion, unknown>,
  })
  const Document = new GraphQLObjectType({
    name: 'LegalDeliveredDocument',
    fields: {
      slug: nnStr,
      effectiveDate: str,
      html: nnStr,
      kind: nnStr,
      lastModified: nnStr,
      locale: nnStr,
      publishedAt: nnStr,
      sections: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Section))) },
      summary: str,
      text: nnStr,
      title: nnStr,
      toc: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Toc))) },
      version: { type: new GraphQLNonNull(GraphQLInt) },
      // Current document only (no version argument): in force, or upcoming before any is.
      status: str,
      upcoming: { type: Upcoming },
      // Exactly the fields of the delivered type: a field added there and not here fails to compile.
    } satisfies Record<keyof DeliveredDocument, unknown>,
  })
  const fallback = (req: PayloadRequest) => defaultLocaleOf(req.payload)

  return {
    cookieConsentConfig: {
      type: GraphQLJSON,
      resolve: async (_: unknown, _args: unknown, { req }: Ctx) => {
        return loadConsentConfig(req.payload)
      },
    },
    cookieDeclaration: {
      type: GraphQLJSON,
      args: { locale: str },
      resolve: async (_: unknown, args: { locale?: string }, { req }: Ctx) =>
        loadCookieDeclaration(req.payload, parseLocale(req.payload, args.locale)),
    },
    legalDocument: {
      type: Document,
      args: { slug: nnStr, locale: str, version: { type: GraphQLInt } },
      resolve: async (
        _: unknown,
        args: { locale?: string; slug: string; version?: number },
        { req }: Ctx,
      ) => {
        const locale = parseLocale(req.payload, args.locale)
        const slug = parseSlug(args.slug)
        const version = positive(args.version, 'version')
        if (version !== undefined) {
          return deliveredDocument(
            await loadArchiveRecord(req.payload, slug, version),
            locale,
            fallback(req),
          )
        }
        const current = await loadCurrent(req.payload, slug)
        return deliveredDocument(current.record, locale, fallback(req), current)
      },
    },
    legalDocumentDiff: {
      type: GraphQLJSON,
      args: {
        slug: nnStr,
        from: { type: new GraphQLNonNull(GraphQLInt) },
        locale: str,
        to: { type: new GraphQLNonNull(GraphQLInt) },
      },
      resolve: async (
        _: unknown,
        args: { from: number; locale?: string; slug: string; to: number },
        { req }: Ctx,
      ) =>
        diffResponse(req.payload, {
          slug: parseSlug(args.slug),
          from: positive(args.from, 'from')!,
          locale: parseLocale(req.payload, args.locale),
          to: positive(args.to, 'to')!,
        }),
    },
    legalDocumentVersions: {
      type: GraphQLJSON,
      args: { slug: nnStr },
      resolve: async (_: unknown, args: { slug: string }, { req }: Ctx) =>
        listArchive(req.payload, parseSlug(args.slug)),
    },
  }
}
