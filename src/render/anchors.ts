// Ukrainian national transliteration (2010), plus the Russian-only letters.
// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'y', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  ё: 'io', є: 'ie', і: 'i', ї: 'i', ґ: 'g',
}
// The same standard spells these differently at the start of a word.
const CYRILLIC_WORD_START: Record<string, string> = { й: 'y', ю: 'yu', я: 'ya', є: 'ye', ї: 'yi' }

// Letters that Unicode decomposition does not reduce to ASCII.
// prettier-ignore
const LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', ð: 'd', ø: 'o', þ: 'th', đ: 'd', ı: 'i', ł: 'l', œ: 'oe' }

const MAX_ANCHOR_LENGTH = 80
export const FALLBACK_ANCHOR = 'section'

/**
 * A lowercase ASCII anchor ([a-z0-9] words joined by "-") for a heading, so links like
 * #personal-data survive every URL, e-mail client and CMS. Accents are stripped, Cyrillic is
 * transliterated; a heading with nothing left (punctuation only) gets "section".
 */
export function slugifyAnchor(heading: string): string {
  // Transliterate before decomposing: NFKD would split й and ї into и/і plus a mark.
  const lower = heading.normalize('NFC').toLowerCase()
  let out = ''
  let previous = ''
  for (const char of lower) {
    const wordStart = !/[\p{L}\p{N}'’]/u.test(previous)
    out +=
      (wordStart ? CYRILLIC_WORD_START[char] : undefined) ?? CYRILLIC[char] ?? LATIN[char] ?? char
    previous = char
  }
  let slug = out
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length > MAX_ANCHOR_LENGTH) {
    // Cut at the last word boundary that fits (the character after the limit may be one).
    const lastHyphen = slug.slice(0, MAX_ANCHOR_LENGTH + 1).lastIndexOf('-')
    slug = slug.slice(0, lastHyphen > 0 ? lastHyphen : MAX_ANCHOR_LENGTH)
  }
  return slug || FALLBACK_ANCHOR
}

/** `base` if free, else the first free of base-2, base-3... */
export function uniqueAnchor(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base)) {
    return base
  }
  let n = 2
  while (used.has(`${base}-${n}`)) {
    n++
  }
  return `${base}-${n}`
}

/**
 * Whether `anchor` is the one made from `heading` (plain or with a "-N" to keep it unique), as
 * opposed to one an editor chose. A made one may follow the heading until it is published.
 */
export function isDerivedAnchor(anchor: string, heading: string): boolean {
  const base = slugifyAnchor(heading)
  return (
    anchor === base ||
    (anchor.startsWith(`${base}-`) && /^\d+$/.test(anchor.slice(base.length + 1)))
  )
}
