import path from 'node:path'

import { projectRoot } from '../dev/server/bootstrap'

/**
 * Cuts the company's "Privacy & terms of use" page (one text with five documents in it) into
 * the five documents the product publishes, and applies the few editorial fixes the seed makes,
 * each of them listed, so the reader of the seed output can see everything that differs from
 * the source and everything the source is missing.
 */

/** Where the source lives, relative to the repository root (CI clones `shared/` beside it). */
export const SOURCE_FILE = '../shared/seeds/legal-pages.txt'
export const defaultSourcePath = (): string => path.resolve(projectRoot, SOURCE_FILE)

export type DocumentKind =
  'cookie-policy' | 'data-security' | 'general-conditions' | 'privacy-policy' | 'terms-of-use'

export type DocumentSpec = {
  governingLaw?: string
  /** Section headings in order, as the source shows them (plus restored ones, see EDITS). */
  headings: string[]
  /**
   * Heading given to the text between the title and the first heading: a section needs one,
   * and the source has none there. Absent when the document has no such text.
   */
  introHeading?: string
  jurisdiction?: string
  kind: DocumentKind
  slug: string
  /** The line that opens the document in the source. */
  sourceTitle: string
  /** The title the product uses (as the page's own list of documents spells it). */
  title: string
}

export const INTRO_HEADING = 'Introduction'

export const DOCUMENTS: DocumentSpec[] = [
  {
    slug: 'general-conditions',
    headings: [
      'Who we are',
      'General provisions',
      'OUR RIGHT TO MODIFY General Conditions, Privacy Policy, Data Security, Cookie Policy, and Terms of Use',
      'Questions',
    ],
    introHeading: INTRO_HEADING,
    kind: 'general-conditions',
    sourceTitle: 'General Conditions',
    title: 'General Conditions',
  },
  {
    slug: 'privacy-policy',
    headings: [
      'Your rights to access stored data, to modify it and to retract the consent to the use of your personal data',
      'What data about you we collect',
      'How we use information about you',
      'Marketing activity',
      'Links to third-party websites',
    ],
    introHeading: INTRO_HEADING,
    kind: 'privacy-policy',
    sourceTitle: 'Privacy Policy',
    title: 'Privacy Policy',
  },
  {
    slug: 'data-security',
    headings: [
      'Where we store your data',
      'How long we store your data',
      'Measures taken to protect your data',
    ],
    introHeading: INTRO_HEADING,
    kind: 'data-security',
    sourceTitle: 'Data security',
    title: 'Data Security',
  },
  {
    slug: 'cookie-policy',
    kind: 'cookie-policy',
    title: 'Cookie Policy',
    // In the source the cookie policy is the last section of Data security; the product
    // publishes it as a document of its own, starting at this heading.
    headings: ['Our policy regarding cookie-files'],
    sourceTitle: 'Our policy regarding cookie-files',
  },
  {
    slug: 'terms-of-use',
    headings: [
      'Website terms of use',
      'Website materials',
      'Linked websites',
      'Exhaustive nature of the agreement and applicable law',
    ],
    introHeading: INTRO_HEADING,
    kind: 'terms-of-use',
    sourceTitle: 'Terms of use',
    title: 'Terms of Use',
    // Both stated in "Applicable law"; they disagree (see docs/SEED.md) and are kept as written.
    governingLaw: 'Ukrainian law',
    jurisdiction: 'English courts',
  },
]

/** The company profile, from "Who we are". The source has no e-mail address and no website. */
export const SOURCE_ENTITY = {
  name: 'Digitroom Holding Limited',
  address: 'Rm 7B, One Capital Place, 18 Luard Road, Wan Chai, Hong Kong',
  phone: '+380671505900',
} as const

/**
 * Changes the seed makes to the source text. `find` must occur exactly once in its document,
 * on one line; `replace` must keep every word of `find` in order (a unit test checks it), so a
 * fix can add to the text but never lose any of it.
 */
export type TextEdit = {
  document: string
  find: string
  kind: 'fill' | 'placeholder'
  /** Why, for the seed's report. */
  note: string
  replace: string
}

/** A heading the page lost when it was copied, put back before the line starting with `before`. */
export type HeadingEdit = {
  before: string
  document: string
  heading: string
  kind: 'heading'
  note: string
}

export type Edit = HeadingEdit | TextEdit

export const EDITS: Edit[] = [
  // The contact lines of "Who we are" become the company profile, and refer to it, so a new
  // address is changed once (Company details) and not in every document.
  ...(['name', 'address', 'phone'] as const).map((field): TextEdit => ({
    document: 'general-conditions',
    find: `${field[0].toUpperCase()}${field.slice(1)}: ${SOURCE_ENTITY[field]}`,
    kind: 'placeholder',
    note: `refers to Company details (${field}), filled from this line`,
    replace: `${field[0].toUpperCase()}${field.slice(1)}: {{company.${field}}}`,
  })),
  {
    before: 'If you have any questions regarding our Privacy Policy',
    document: 'general-conditions',
    heading: 'Questions',
    kind: 'heading',
    note: 'heading lost in the copy; restored as the document\'s own contents list ("Questions") names it',
  },
  {
    document: 'general-conditions',
    find: 'please contact us via this email address:',
    kind: 'fill',
    note: 'e-mail address cut from the source',
    replace: 'please contact us via this email address: {{company.email}}',
  },
  {
    document: 'privacy-policy',
    find: 'Write to us via this address:,',
    kind: 'fill',
    note: 'e-mail address cut from the source',
    replace: 'Write to us via this address: {{company.email}},',
  },
  {
    document: 'privacy-policy',
    find: 'simply contact us via e-mail, to make',
    kind: 'fill',
    note: 'e-mail address cut from the source',
    replace: 'simply contact us via e-mail {{company.email}}, to make',
  },
  {
    document: 'privacy-policy',
    find: 'send us a request to the e-mail address, in order',
    kind: 'fill',
    note: 'e-mail address cut from the source',
    replace: 'send us a request to the e-mail address {{company.email}}, in order',
  },
  {
    document: 'privacy-policy',
    find: 'customer support via the address, or contact us',
    kind: 'fill',
    note: 'support address cut from the source (the company e-mail is the only address the profile has)',
    replace: 'customer support via the address {{company.email}}, or contact us',
  },
  {
    document: 'terms-of-use',
    find: 'without providing a link to This license',
    kind: 'fill',
    note: 'website address and the full stop after it cut from the source',
    replace: 'without providing a link to {{company.website}}. This license',
  },
  {
    document: 'terms-of-use',
    find: 'may be terminated by at any time',
    kind: 'fill',
    note: 'company name cut from the source',
    replace: 'may be terminated by {{company.name}} at any time',
  },
]

/** A gap in the source the seed could not fill: the editor has to. */
export type BlankSpec = {
  document: string
  /** What is missing, and what the editor should do. */
  fill: string
  /** Text of the sentence (exact, occurring once in its document). */
  find: string
}

export const BLANKS: BlankSpec[] = [
  {
    document: 'general-conditions',
    fill: 'Clause 2 is missing (numbering goes 1, 3; kept as written). Add clause 2 or renumber.',
    find: 'When you get access to this website, you agree to follow',
  },
  {
    document: 'privacy-policy',
    fill: 'That section is now the Cookie Policy document. Link the reference to /cookie-policy.',
    find: 'please refer to the section ‘Our policy regarding cookie-files’',
  },
  {
    document: 'cookie-policy',
    fill: 'The page has no "option to decline" below. Link the cookie settings (consent banner) or remove the item.',
    find: 'by using the option to decline, provided below;',
  },
  {
    document: 'cookie-policy',
    fill: 'The web address to visit was cut. Add the opt-out site (e.g. https://www.youronlinechoices.eu) or remove the item.',
    find: 'by visiting;',
  },
  {
    document: 'cookie-policy',
    fill: 'Two web addresses were cut ("visit … and …"). Add them (e.g. https://www.aboutcookies.org and https://www.allaboutcookies.org).',
    find: 'how they can be managed or deleted), please visit and',
  },
  {
    document: 'cookie-policy',
    fill: 'The link behind "here" was lost. Link it to https://tools.google.com/dlpage/gaoptout.',
    find: 'You may unsubscribe from Google Analytics here.',
  },
  {
    document: 'cookie-policy',
    fill: 'The web address to visit was cut. Add the advertising opt-out site (e.g. https://www.youronlinechoices.eu).',
    find: 'please visit and choose your country.',
  },
  {
    document: 'cookie-policy',
    fill: 'The list of advertising services this refers to is missing. Add the list (and a cookie entry per service) or remove these two sentences.',
    find: 'We offer you to have a look at a number of services we use',
  },
  {
    document: 'cookie-policy',
    fill: 'The web address to visit was cut. Add it or remove the sentence.',
    find: 'Please, visit to actively manage cookie-files in your device.',
  },
  {
    document: 'terms-of-use',
    fill: 'The website\'s name seems cut ("from … website"). Write "from our website" or "from {{company.website}}".',
    find: 'materials from website for personal',
  },
  {
    document: 'terms-of-use',
    fill: 'The website\'s name seems cut ("on … website"). Write "on our website" or name it.',
    find: 'Materials on website are provided',
  },
  {
    document: 'terms-of-use',
    fill: 'Unclear whose approval of which website. Suggested: "does not mean that {{company.name}} approves that website."',
    find: 'does not mean the approval of website.',
  },
]

/** What a reader of the seed output is told about, one entry per change or gap. */
export type Finding = {
  /** Document title, or the part of the product ("Company details", "Cookie declaration"). */
  document: string
  kind: 'blank' | 'fill' | 'heading' | 'placeholder' | 'skipped' | 'suspected'
  /** 1-based line in the source file, when the finding is about one. */
  line: null | number
  note: string
  section: null | string
  /** The sentence as the seed imports it (fills included), or the restored heading. */
  sentence: string
}

export type SourceSection = {
  /** True when the source has no such heading (intro heading, restored heading). */
  added: boolean
  heading: string
  /** The body as the seed imports it (edits applied), placeholders unresolved. */
  text: string
}

export type SourceDocument = {
  sections: SourceSection[]
  /** For each line of `text`, its line in the source file (null for lines the seed added). */
  sourceLines: (null | number)[]
  /** The whole document as the seed imports it: title line, then the edited body. */
  text: string
} & DocumentSpec

export type CutResult = { documents: SourceDocument[]; findings: Finding[] }

class SourceError extends Error {}

type Line = { no: null | number; text: string }

function indexOfLine(lines: Line[], text: string, from = 0): number {
  for (let i = from; i < lines.length; i++) {
    if (lines[i].text === text) {
      return i
    }
  }
  return -1
}

function occurrences(lines: Line[], find: string): number[] {
  const found: number[] = []
  lines.forEach((line, index) => {
    let at = line.text.indexOf(find)
    while (at >= 0) {
      found.push(index)
      at = line.text.indexOf(find, at + 1)
    }
  })
  return found
}

function onlyOccurrence(lines: Line[], find: string, where: string): number {
  const found = occurrences(lines, find)
  if (found.length !== 1) {
    throw new SourceError(
      `${where}: expected "${find}" once in the source, found it ${found.length} times; update seed/sourceDocuments.ts`,
    )
  }
  return found[0]
}

/** The heading a line falls under: the last heading line at or before it, or the intro. */
function sectionAt(lines: Line[], index: number, spec: DocumentSpec): null | string {
  for (let i = index; i >= 0; i--) {
    if (spec.headings.includes(lines[i].text)) {
      return lines[i].text
    }
  }
  return spec.introHeading ?? null
}

/**
 * Text a person would recognise as a blank left by a cut link or address. The seed lists any
 * match that EDITS and BLANKS do not cover as "suspected", so a changed source cannot bring in
 * an unnoticed gap.
 */
export const SUSPECTED_BLANK_PATTERNS: RegExp[] = [
  // "contact us via this email address:" at the end, "via this address:,", "to the e-mail address, in"
  /\b(?:via|to)\s+(?:this\s+|the\s+)?(?:e-?mail\s+)?address\s*(?::\s*)?(?:[,;]|$)/i,
  // "contact us via e-mail, to make": an address, not the channel ("a notification via e-mail, without")
  /\bcontact us via e-?mail\s*[,;]/i,
  // "by visiting;", "please visit and choose", "visit to actively"; not "visiting and using",
  // "pages they visit.", "a visit to our website"
  /\bvisit(?:ing)?(?:\s*;|\s+and\s+(?!us(?:e|ing)\b)|\s+to\s+(?!(?:our|the|this|these|any|other)\b)\p{Ll}|\s*$)/iu,
  // a name cut between two words: "terminated by at any time", "a link to This license"
  /\bby at\b|\blink to\s+\p{Lu}/u,
  // link text whose link was lost
  /\s(?:here|this link)\.(?:\s|$)/i,
  // "from website", "on website", "of website": a name or "our" cut before "website"
  // (not "the number of website visitors")
  /\b(?:from|on|of) website\b(?!\s+visitors)/i,
]

/** Cuts the source into the five documents; throws when the source no longer matches the specs. */
export function cutSourceDocuments(source: string): CutResult {
  const lines: Line[] = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, index) => ({ no: index + 1, text }))
  const findings: Finding[] = []

  // Each document runs from its title line to the next document's title line (in file order).
  const starts = DOCUMENTS.map((spec) => {
    const at = indexOfLine(lines, spec.sourceTitle)
    if (at < 0) {
      throw new SourceError(`the source has no line "${spec.sourceTitle}" (${spec.title})`)
    }
    return { at, spec }
  }).sort((a, b) => a.at - b.at)

  if (starts[0].at > 0) {
    const skipped = lines.slice(0, starts[0].at).filter((l) => l.text.trim() !== '')
    findings.push({
      document: '(page)',
      kind: 'skipped',
      line: skipped[0]?.no ?? 1,
      note: 'the page title and its list of the five documents are not imported: the site lists the published documents itself',
      section: null,
      sentence: skipped.map((l) => l.text.trim()).join(' | '),
    })
  }

  const documents = DOCUMENTS.map((spec): SourceDocument => {
    const position = starts.findIndex((s) => s.spec === spec)
    const from = starts[position].at
    const to = position + 1 < starts.length ? starts[position + 1].at : lines.length
    // The cookie policy starts at a section heading of the source, which it keeps as its first section.
    const startsAtHeading = spec.headings[0] === spec.sourceTitle
    let body = lines.slice(startsAtHeading ? from : from + 1, to)
    const where = `${spec.title}`

    for (const edit of EDITS.filter((e) => e.document === spec.slug)) {
      if (edit.kind === 'heading') {
        const at = body.findIndex((l) => l.text.trimStart().startsWith(edit.before))
        if (at < 0 || body.filter((l) => l.text.trimStart().startsWith(edit.before)).length !== 1) {
          throw new SourceError(
            `${where}: expected one line starting "${edit.before}"; update seed/sourceDocuments.ts`,
          )
        }
        // A heading needs a blank line on both sides to be read as one.
        const inserted: Line[] = [
          { no: null, text: edit.heading },
          { no: null, text: '' },
        ]
        if (at > 0 && body[at - 1].text.trim() !== '') {
          inserted.unshift({ no: null, text: '' })
        }
        body = [...body.slice(0, at), ...inserted, ...body.slice(at)]
        continue
      }
      const at = onlyOccurrence(body, edit.find, where)
      body[at] = { ...body[at], text: body[at].text.replace(edit.find, edit.replace) }
    }
    return finish()

    function finish(): SourceDocument {
      // Title line first, so the importer reads it as the title, as it would read any file.
      // The title line is the product's spelling of the source's ("Data security" → "Data Security").
      const all: Line[] = [
        { no: startsAtHeading ? null : lines[from].no, text: spec.title },
        { no: null, text: '' },
        ...body,
      ]
      return {
        ...spec,
        sections: sectionsOf(body, spec),
        sourceLines: all.map((l) => l.no),
        text: all.map((l) => l.text).join('\n'),
      }
    }
  })

  for (const doc of documents) {
    const body = doc.text.split('\n').map((text, i): Line => ({ no: doc.sourceLines[i], text }))
    for (const edit of EDITS.filter((e) => e.document === doc.slug)) {
      if (edit.kind === 'heading') {
        const at = body.findIndex((l) => l.text === edit.heading && l.no === null)
        findings.push({
          document: doc.title,
          kind: 'heading',
          line: body[at + 2]?.no ?? null,
          note: edit.note,
          section: edit.heading,
          sentence: edit.heading,
        })
        continue
      }
      const at = onlyOccurrence(body, edit.replace, doc.title)
      findings.push({
        document: doc.title,
        kind: edit.kind,
        line: body[at].no,
        note: edit.note,
        section: sectionAt(body, at, doc),
        sentence: sentenceAround(body[at].text, edit.replace),
      })
    }
    for (const blank of BLANKS.filter((b) => b.document === doc.slug)) {
      const at = onlyOccurrence(body, blank.find, doc.title)
      findings.push({
        document: doc.title,
        kind: 'blank',
        line: body[at].no,
        note: blank.fill,
        section: sectionAt(body, at, doc),
        sentence: sentenceAround(body[at].text, blank.find),
      })
    }
    const covered = [
      ...EDITS.filter((e): e is TextEdit => e.document === doc.slug && e.kind !== 'heading').map(
        (e) => e.replace,
      ),
      ...BLANKS.filter((b) => b.document === doc.slug).map((b) => b.find),
    ]
    body.forEach((line, index) => {
      for (const sentence of sentencesOf(line.text)) {
        if (!SUSPECTED_BLANK_PATTERNS.some((pattern) => pattern.test(sentence))) {
          continue
        }
        if (covered.some((text) => sentence.includes(text) || text.includes(sentence))) {
          continue
        }
        findings.push({
          document: doc.title,
          kind: 'suspected',
          line: line.no,
          note: 'looks like a cut link or address; check it against the original page',
          section: sectionAt(body, index, doc),
          sentence,
        })
      }
    })
  }

  return { documents, findings }
}

function sectionsOf(body: Line[], spec: DocumentSpec): SourceSection[] {
  const sections: SourceSection[] = []
  let current: { added: boolean; heading: string; lines: string[] } | null = spec.introHeading
    ? { added: true, heading: spec.introHeading, lines: [] }
    : null
  let next = 0
  for (const line of body) {
    if (next < spec.headings.length && line.text === spec.headings[next]) {
      if (current) {
        sections.push({
          added: current.added,
          heading: current.heading,
          text: current.lines.join('\n').trim(),
        })
      }
      current = { added: line.no === null, heading: line.text, lines: [] }
      next++
      continue
    }
    if (!current) {
      if (line.text.trim() !== '') {
        throw new SourceError(
          `${spec.title}: text before the first heading, but the spec gives no intro heading`,
        )
      }
      continue
    }
    current.lines.push(line.text)
  }
  if (next < spec.headings.length) {
    throw new SourceError(
      `${spec.title}: heading "${spec.headings[next]}" not found as a line of its own; update seed/sourceDocuments.ts`,
    )
  }
  if (current) {
    sections.push({
      added: current.added,
      heading: current.heading,
      text: current.lines.join('\n').trim(),
    })
  }
  return sections
}

/** The sentences of a line, list marker removed. */
export function sentencesOf(text: string): string[] {
  const content = text.trim().replace(/^(?:[•◦▪·\-*+–]|\d{1,9}[.)])\s+/, '')
  return content.split(/(?<=[.;!?])\s+(?=\p{Lu})/u).filter((s) => s.trim() !== '')
}

/** The sentence (or sentences) of `line` that `fragment` is part of. */
function sentenceAround(line: string, fragment: string): string {
  const sentences = sentencesOf(line)
  const joined = sentences.join(' ')
  const start = joined.indexOf(fragment)
  if (start < 0) {
    return fragment
  }
  const end = start + fragment.length
  let offset = 0
  const overlapping = sentences.filter((sentence) => {
    const from = offset
    offset += sentence.length + 1
    return from < end && from + sentence.length > start
  })
  return overlapping.join(' ')
}

export { SourceError }
