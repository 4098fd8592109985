import type {
  Access,
  AccessArgs,
  AccessResult,
  CollectionConfig,
  Field,
  GlobalConfig,
} from 'payload'

import type { CollectionOverride, GlobalOverride } from './options.js'

/**
 * Both rules must allow: `false` from either wins, two constraints are joined with `and`. A
 * host's rule can only narrow what the plugin allows.
 */
export function narrowAccess(plugin: Access | undefined, host: Access): Access {
  return async (args: AccessArgs) => {
    const first: AccessResult = plugin ? await plugin(args) : Boolean(args.req.user)
    if (!first) {
      return false
    }
    const second: AccessResult = await host(args)
    if (!second) {
      return false
    }
    if (first === true) {
      return second
    }
    if (second === true) {
      return first
    }
    return { and: [first, second] }
  }
}

const topLevelNames = (fields: Field[]): string[] =>
  fields.flatMap((field) =>
    'name' in field && field.name
      ? [field.name]
      : 'fields' in field && !('name' in field)
        ? topLevelNames(field.fields)
        : [],
  )

function extraFields(slug: string, own: Field[], extra: Field[] | undefined): Field[] {
  if (!extra?.length) {
    return own
  }
  const taken = new Set(topLevelNames(own))
  const clash = topLevelNames(extra).find((name) => taken.has(name))
  if (clash) {
    throw new Error(
      `legalDocumentsPlugin: overrides for "${slug}" add a field "${clash}", a name the plugin uses.`,
    )
  }
  return [...own, ...extra]
}

type Hooks = Record<string, undefined | unknown[]>
function appendHooks<T extends object | undefined>(own: T, extra: T): T {
  if (!extra) {
    return own
  }
  const merged: Hooks = { ...(own as Hooks | undefined) }
  for (const [kind, list] of Object.entries(extra as Hooks)) {
    merged[kind] = [...(merged[kind] ?? []), ...(list ?? [])]
  }
  return merged as T
}

function narrowAll<T extends Record<string, unknown> | undefined>(
  own: T,
  extra: Partial<Record<string, Access>> | undefined,
): T {
  if (!extra) {
    return own
  }
  const merged: Record<string, unknown> = { ...own }
  for (const [operation, rule] of Object.entries(extra)) {
    if (rule) {
      merged[operation] = narrowAccess(merged[operation] as Access | undefined, rule)
    }
  }
  return merged as T
}

/** An override applied: access narrowed, admin merged, fields and hooks appended, label replaced. */
function overridden<
  C extends CollectionConfig | GlobalConfig,
  O extends CollectionOverride | GlobalOverride,
>(config: C, override: O, label: Partial<C>): C {
  return {
    ...config,
    access: narrowAll(config.access, override.access),
    admin: { ...config.admin, ...override.admin },
    fields: extraFields(config.slug, config.fields, override.fields),
    hooks: appendHooks(config.hooks, override.hooks),
    ...label,
  }
}

export function applyCollectionOverride(
  collection: CollectionConfig,
  override: CollectionOverride | undefined,
): CollectionConfig {
  return override
    ? overridden(collection, override, { labels: override.labels ?? collection.labels })
    : collection
}

export function applyGlobalOverride(
  global: GlobalConfig,
  override: GlobalOverride | undefined,
): GlobalConfig {
  return override ? overridden(global, override, { label: override.label ?? global.label }) : global
}
