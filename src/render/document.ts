import type { LegalEntity, LexicalStateInput } from './types.js'

import { slugifyAnchor, uniqueAnchor } from './anchors.js'
import { escapeHTML } from './escapeHTML.js'
import { lexicalToHTML } from './html.js'
import { escapeMarkdown, lexicalToMarkdown } from './markdown.js'
import { resolvePlaceholders } from './placeholders.js'
import { lexicalToText } from './text.js'

export type DocumentSectionInput = {
  /** Kept when it is already a safe anchor; otherwise (or when empty) derived from the heading. */
  anchor?: null | string
  body: LexicalStateInput
  heading: null | string | undefined
}

export type RenderDocumentInput = {
  entity?: LegalEntity | null
  sections: DocumentSectionInput[]
  title: null | string | undefined
}

export type TocEntry = { anchor: string; heading: string }

/** One section; `html`, `text` and `markdown` are its body only, without the heading. */
export type RenderedSection = { html: string; markdown: string; text: string } & TocEntry

export type RenderedDocument = {
  html: string
  markdown: string
  sections: RenderedSection[]
  text: string
  /** The title with placeholders resolved; the renderings leave it to the page around them. */
  title: string
  toc: TocEntry[]
}

// What slugifyAnchor produces, plus the odd hand-made anchor ("Art_5") that is still safe in
// an id and a URL fragment without escaping.
const SAFE_ANCHOR = /^[A-Z0-9][\w-]*$/i

/**
 * Renders a whole document. Anchors are made unique in section order (a repeated heading
 * gets "-2"), headings have their placeholders resolved, and the whole renderings are:
 * html   `<section id="anchor"><h2>heading</h2>body</section>` per section;
 * text   "heading\n\nbody" per section, sections separated by a blank line;
 * markdown "## heading\n\nbody" likewise.
 */
export function renderDocument({ entity, sections, title }: RenderDocumentInput): RenderedDocument {
  const taken = new Set<string>()
  const rendered = sections.map((section): RenderedSection => {
    const heading = resolvePlaceholders(section.heading ?? '', entity)
      .replace(/\s+/g, ' ')
      .trim()
    const given = section.anchor?.trim() ?? ''
    const anchor = uniqueAnchor(SAFE_ANCHOR.test(given) ? given : slugifyAnchor(heading), taken)
    taken.add(anchor)
    return {
      anchor,
      heading,
      html: lexicalToHTML(section.body, { entity }),
      markdown: lexicalToMarkdown(section.body, { entity }),
      text: lexicalToText(section.body, { entity }),
    }
  })

  const join = (blocks: string[]) => blocks.filter(Boolean).join('\n\n')
  return {
    html: rendered
      .map(
        (s) =>
          `<section id="${escapeHTML(s.anchor)}"><h2>${escapeHTML(s.heading)}</h2>${s.html}</section>`,
      )
      .join(''),
    markdown: join(rendered.map((s) => join([`## ${escapeMarkdown(s.heading)}`, s.markdown]))),
    sections: rendered,
    text: join(rendered.map((s) => join([s.heading, s.text]))),
    title: resolvePlaceholders(title ?? '', entity)
      .replace(/\s+/g, ' ')
      .trim(),
    toc: rendered.map(({ anchor, heading }) => ({ anchor, heading })),
  }
}
