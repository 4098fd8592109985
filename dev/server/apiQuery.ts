import { validOperatorSet } from 'payload/shared'
import * as qs from 'qs-esm'

/**
 * Checks the query string of a REST request before Payload reads it.
 *
 * Payload parses `?where=…`, `sort`, `select`, `populate`, `joins`, `limit`, `page`, `depth` and
 * the boolean flags with qs and hands them on with few checks: a `where` that is no JSON, an
 * operator given a list where it wants one value, or a `select` that is a string end in a 500
 * (or are silently ignored) deep inside the query builder. A query string is the client's to
 * get right, so each of these is refused here with a 400 that says what is wrong.
 */

/** How Payload parses the query string (createPayloadRequest): the same structure is checked. */
const QS_OPTIONS = {
  allowEmptyArrays: true,
  arrayLimit: 1000,
  depth: 10,
  ignoreQueryPrefix: true,
} as const

/** Dot-separated field names, as Payload's SAFE_FIELD_PATH_REGEX. */
const FIELD_PATH = /^\w+(?:\.\w+)*$/
/** A path deeper than this crosses more relationships than any page needs, and each is a join. */
const MAX_PATH_SEGMENTS = 5
const MAX_SORT_FIELDS = 10
const MAX_WHERE_NESTING = 10
const WHOLE_NUMBER = /^\d{1,9}$/

const BOOLEAN_PARAMS = [
  'autosave',
  'draft',
  'trash',
  'overrideLock',
  'pagination',
  'flattenLocales',
  'publishAllLocales',
  'unpublishAllLocales',
]
const NUMBER_PARAMS = ['depth', 'limit', 'page']
const STRING_PARAMS = ['locale', 'fallback-locale', 'fallbackLocale']
const LIST_OPERATORS = new Set(['all', 'in', 'not_in'])
const GEO_OPERATORS = new Set(['intersects', 'near', 'within'])

type Problem = null | string

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isScalar = (value: unknown) =>
  value === null || ['boolean', 'number', 'string'].includes(typeof value)

/** qs turns `a[0]=…` into an array, but `a[1001]=…` (beyond arrayLimit) into an object with numeric keys. */
function listItems(value: unknown): null | unknown[] {
  if (Array.isArray(value)) {
    return value
  }
  if (isPlainObject(value) && Object.keys(value).every((k) => /^\d+$/.test(k))) {
    return Object.values(value)
  }
  return null
}

/** The first problem `check` finds, in order, or null: every check here stops at the first. */
function firstProblem<T>(items: Iterable<T>, check: (item: T) => Problem): Problem {
  for (const item of items) {
    const problem = check(item)
    if (problem) {
      return problem
    }
  }
  return null
}

function checkPath(path: string, where: string): Problem {
  if (!FIELD_PATH.test(path)) {
    return `${where}: "${path}" is not a field path (names of letters, digits and _ joined by dots).`
  }
  if (path.split('.').length > MAX_PATH_SEGMENTS) {
    return `${where}: "${path}" goes deeper than ${MAX_PATH_SEGMENTS} fields.`
  }
  return null
}

function checkOperatorValue(operator: string, value: unknown, where: string): Problem {
  if (!validOperatorSet.has(operator as never)) {
    return `${where}: "${operator}" is not an operator (use one of ${[...validOperatorSet].join(', ')}).`
  }
  if (LIST_OPERATORS.has(operator)) {
    if (typeof value === 'string' || typeof value === 'number') {
      return null
    }
    const items = listItems(value)
    if (items && items.every(isScalar)) {
      return null
    }
    return `${where}[${operator}] takes a comma-separated list or repeated values, not an object.`
  }
  if (GEO_OPERATORS.has(operator)) {
    return typeof value === 'string' || Array.isArray(value) || isPlainObject(value)
      ? null
      : `${where}[${operator}] is not a location.`
  }
  if (operator === 'exists') {
    return value === true || value === false || value === 'true' || value === 'false'
      ? null
      : `${where}[exists] takes true or false.`
  }
  return isScalar(value) ? null : `${where}[${operator}] takes one value, not a list or an object.`
}

/** A `where` object: `and`/`or` lists of conditions, or field paths with `{ operator: value }`. */
export function checkWhere(value: unknown, where = 'where', nesting = 0): Problem {
  if (nesting > MAX_WHERE_NESTING) {
    return `${where} nests and/or more than ${MAX_WHERE_NESTING} levels deep.`
  }
  if (!isPlainObject(value)) {
    return `${where} must be an object of conditions, e.g. where[title][equals]=Terms.`
  }
  return firstProblem(Object.entries(value), ([key, condition]) => {
    if (key === 'and' || key === 'or') {
      const items = listItems(condition)
      if (!items) {
        return `${where}[${key}] must be a list of conditions, e.g. ${where}[${key}][0][title][equals]=Terms.`
      }
      return firstProblem(items.entries(), ([i, item]) =>
        checkWhere(item, `${where}[${key}][${i}]`, nesting + 1),
      )
    }
    const pathProblem = checkPath(key, where)
    if (pathProblem) {
      return pathProblem
    }
    if (!isPlainObject(condition)) {
      return `${where}[${key}] must name an operator, e.g. ${where}[${key}][equals]=value.`
    }
    return firstProblem(Object.entries(condition), ([operator, operand]) =>
      checkOperatorValue(operator, operand, `${where}[${key}]`),
    )
  })
}

export function checkSort(value: unknown, name = 'sort'): Problem {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null
  if (!items || !items.every((s) => typeof s === 'string')) {
    return `${name} must be field names separated by commas, e.g. ${name}=-updatedAt,title.`
  }
  if (items.length > MAX_SORT_FIELDS) {
    return `${name} names more than ${MAX_SORT_FIELDS} fields.`
  }
  return firstProblem(items, (item) => checkPath(item.trim().replace(/^-/, ''), name))
}

/** `select[title]=true&select[meta][description]=true`: field names down to true/false. */
function checkSelect(value: unknown, name: string, depth = 0): Problem {
  if (!isPlainObject(value)) {
    return `${name} must list fields, e.g. ${name}[title]=true.`
  }
  if (depth > 10) {
    return `${name} is nested too deeply.`
  }
  return firstProblem(Object.entries(value), ([key, item]) => {
    if (!/^\w+$/.test(key)) {
      return `${name}: "${key}" is not a field name.`
    }
    if (item === true || item === false || item === 'true' || item === 'false') {
      return null
    }
    return checkSelect(item, `${name}[${key}]`, depth + 1)
  })
}

function checkPopulate(value: unknown): Problem {
  if (!isPlainObject(value)) {
    return 'populate must name collections and fields, e.g. populate[legal-sections][heading]=true.'
  }
  return firstProblem(Object.entries(value), ([slug, select]) =>
    /^[\w-]+$/.test(slug)
      ? checkSelect(select, `populate[${slug}]`)
      : `populate: "${slug}" is not a collection.`,
  )
}

function checkJoins(value: unknown): Problem {
  if (!isPlainObject(value)) {
    return 'joins must name join fields, e.g. joins[reviewHistory][limit]=5 or joins[reviewHistory]=false.'
  }
  return firstProblem(Object.entries(value), ([path, join]) => {
    const name = `joins[${path}]`
    const pathProblem = checkPath(path, 'joins')
    if (pathProblem) {
      return pathProblem
    }
    if (join === 'false' || join === false) {
      return null
    }
    if (!isPlainObject(join)) {
      return `${name} must be false or { limit, page, sort, where, count }.`
    }
    return firstProblem(Object.entries(join), ([key, item]) => {
      if (key === 'limit' || key === 'page') {
        return typeof item === 'string' && WHOLE_NUMBER.test(item)
          ? null
          : `${name}[${key}] must be a whole number.`
      }
      if (key === 'count') {
        return item === 'true' || item === 'false' ? null : `${name}[count] takes true or false.`
      }
      if (key === 'sort') {
        return checkSort(item, `${name}[sort]`)
      }
      if (key === 'where') {
        return checkWhere(item, `${name}[where]`)
      }
      return `${name}: "${key}" is not a join option (limit, page, sort, where, count).`
    })
  })
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') {
    return value.includes('\u0000')
  }
  if (Array.isArray(value)) {
    return value.some(hasNul)
  }
  if (isPlainObject(value)) {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v))
  }
  return false
}

/** The parameters with a structure of their own, each with its check. */
const STRUCTURED_PARAMS: [string, (value: unknown) => Problem][] = [
  ['sort', (value) => checkSort(value)],
  ['select', (value) => checkSelect(value, 'select')],
  ['populate', checkPopulate],
  ['joins', checkJoins],
]

/** Why the query string `search` (with or without its `?`) is refused, or null when it is fine. */
export function apiQueryProblem(search: string): Problem {
  if (!search || search === '?') {
    return null
  }
  let query: Record<string, unknown>
  try {
    query = qs.parse(search, QS_OPTIONS)
  } catch {
    return 'The query string could not be read.'
  }
  if (hasNul(query)) {
    return 'The query string contains a NUL character.'
  }

  for (const key of NUMBER_PARAMS) {
    if (key in query && !(typeof query[key] === 'string' && WHOLE_NUMBER.test(query[key]))) {
      return `${key} must be a whole number, e.g. ${key}=1.`
    }
  }
  if (query.page === '0') {
    return 'page starts at 1.'
  }
  for (const key of [...BOOLEAN_PARAMS, ...STRING_PARAMS]) {
    if (key in query && typeof query[key] !== 'string') {
      return `${key} takes one value, e.g. ${key}=${BOOLEAN_PARAMS.includes(key) ? 'true' : 'en'}.`
    }
  }
  if ('where' in query) {
    let where = query.where
    if (typeof where === 'string') {
      // Payload also accepts the whole `where` as JSON.
      try {
        where = JSON.parse(where)
      } catch {
        return 'where must be conditions such as where[title][equals]=Terms, or one JSON object; this is neither.'
      }
    }
    const problem = checkWhere(where)
    if (problem) {
      return problem
    }
  }
  if ('data' in query && typeof query.data === 'string' && query.data.length > 0) {
    try {
      JSON.parse(query.data)
    } catch {
      return 'data in the query string must be JSON.'
    }
  }
  return firstProblem(STRUCTURED_PARAMS, ([key, check]) =>
    key in query ? check(query[key]) : null,
  )
}
