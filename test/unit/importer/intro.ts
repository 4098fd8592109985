import { parseLegalText } from '../../../src/importer/parse'
import { outline } from './outline'

/**
 * For the importer tests about the body text rather than headings: `text` parsed with no title
 * looked for, so everything before the first heading is the intro; the result, and the intro's
 * outline.
 */
export function intro(text: string, format: 'markdown' | 'text' = 'text') {
  const result = parseLegalText(text, { detectTitle: false, format })
  return { result, tree: outline(result.intro) }
}
