import { list, listItem, paragraph, root, text } from 'payload-plugin-legal-documents/importer'

import type { ImportSection } from '../seed/importDocument'

/**
 * The generated documents' text: deterministic, realistic-length sections (a heading, two
 * paragraphs with a `{{company.name}}` placeholder, a bullet list in every fourth). Pure (no
 * Payload, no database), so the benchmark runner can build the same content for the host app
 * it seeds over HTTP (bench/host.ts); bench/generatedDocuments.ts seeds it through the Local API.
 * A change here is a change of DATASET_VERSION (bench/dataset.ts).
 */

const WORDS = (
  'agreement personal data controller processor purpose lawful basis consent retention period ' +
  'service provider account user content licence warranty liability damages termination notice ' +
  'jurisdiction governing law dispute request access rectification erasure restriction portability ' +
  'objection complaint authority transfer safeguard security measure breach notification cookie ' +
  'analytics preference necessary marketing third party recipient category record subscription fee'
).split(' ')

/** Deterministic filler text (a small LCG), so every run produces the same documents. */
export function words(seed: number, count: number): string {
  let x = seed * 2654435761
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out.push(WORDS[x % WORDS.length])
  }
  const sentence = out.join(' ')
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.'
}

export function generatedSections(doc: number, count: number): ImportSection[] {
  return Array.from({ length: count }, (_, s) => {
    const seed = doc * 1000 + s
    return {
      body: root([
        paragraph(`${words(seed + 1, 9)} {{company.name}} ${words(seed + 2, 6)}`),
        ...(s % 4 === 0
          ? [
              list('bullet', [
                listItem([text(words(seed + 3, 6))]),
                listItem([text(words(seed + 4, 5))]),
              ]),
            ]
          : []),
        paragraph(words(seed + 5, 8)),
      ]),
      heading: `${s + 1}. ${words(seed, 3).slice(0, -1)}`,
    }
  })
}
