/**
 * The legal-text importer: plain text or Markdown → Lexical JSON with one section per heading,
 * and the Lexical node builders it uses. Pure (no Payload, no database): the reference app's
 * `npm run import` and seed use it, and a host can use it to bring its existing pages in.
 */
export * from '../importer/index.js'
export { textContent } from '../importer/lexicalNodes.js'
