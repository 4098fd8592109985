import type { Page } from 'playwright-core'

import { AxeBuilder } from '@axe-core/playwright'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * The browser tests' one accessibility check: axe-core (through its maintained Playwright
 * binding) on the page as it is, every finding written to test/artifacts/axe-<name>.json (a CI
 * artefact beside the screenshots), the ones at or above `minImpact` returned for the test to
 * assert empty. The binding evaluates axe in the page through the DevTools protocol, so the
 * admin's and the pages' Content-Security-Policy stay on while it runs.
 */
export const artifacts = path.resolve(import.meta.dirname, '../artifacts')

type Impact = 'critical' | 'minor' | 'moderate' | 'serious'
const IMPACTS: Impact[] = ['minor', 'moderate', 'serious', 'critical']

/**
 * Findings in Payload's own admin UI (3.90) that this plugin cannot change (neither its CSS nor
 * its admin config reaches the markup), each one by rule and element, with the reason. Everything
 * else fails the test. Contrast that the plugin's CSS can fix is fixed there (src/admin/styles.css).
 */
export const PAYLOAD_OWN: { rule: string; selector: string; why: string }[] = [
  {
    rule: 'aria-hidden-focus',
    selector: '.rs__indicators',
    why: "react-select's clear and dropdown indicators in Payload's select and relationship fields are aria-hidden but focusable",
  },
  {
    rule: 'label',
    selector: '.rs__input-container, [id^="react-select-"][id$="-input"]',
    why: "react-select's search input in Payload's select and relationship fields is not tied to the field's label",
  },
  {
    rule: 'label-title-only',
    selector: '.rs__input-container',
    why: 'the same react-select input, named only by its title',
  },
  {
    rule: 'label',
    selector: '.react-datepicker__input-container',
    why: "Payload's date field input (react-datepicker) is not tied to the field's label",
  },
  {
    rule: 'label',
    selector: 'dialog .field-type.text',
    why: "in a drawer (editDepth 2) Payload's FieldLabel points at `field-<name>-2` (generateFieldID) while its text input keeps the id `field-<name>` (fields/Text/Input.js): the label's for= matches nothing",
  },
  {
    rule: 'button-name',
    selector: '.date-time-picker__clear-button',
    why: "Payload's date field's clear button is an icon without a name",
  },
  {
    rule: 'button-name',
    selector: '.btn--withPopup .popup-button',
    why: "the chevron of Payload's Publish split button (its other publish options) is an icon without a name",
  },
  {
    rule: 'button-name',
    selector: '.doc-controls__popup .popup-button',
    why: "Payload's document menu (three dots) button is an icon without a name",
  },
  {
    rule: 'label',
    selector: '.table .checkbox-input',
    why: "the list view's row checkboxes in Payload's table have no label",
  },
  {
    rule: 'label-title-only',
    selector: '#select-all',
    why: "the list view's select-all checkbox is named only by its title",
  },
  {
    rule: 'list',
    selector: '.doc-tabs__tabs',
    why: "Payload's document tabs put their tab links straight into the <ul>",
  },
  {
    rule: 'label-content-name-mismatch',
    selector: '.doc-tab',
    why: "Payload's document tab link's aria-label is the label alone, without its count pill",
  },
  {
    rule: 'label-content-name-mismatch',
    selector: '.toolbar-popup__dropdown',
    why: "the Lexical toolbar's text-style dropdown is named without the style it shows",
  },
  {
    rule: 'nested-interactive',
    selector: '.rs__multi-value',
    why: "Payload's sortable hasMany relationship makes each chip a role=button (dnd-kit) with its own open and remove buttons inside",
  },
  {
    rule: 'button-name',
    selector: '[class*="toolbar-popup__button"]',
    why: "the Lexical editor's floating toolbar buttons (bold, italic, link…) are icons without names",
  },
  {
    rule: 'aria-input-field-name',
    selector: '.ContentEditable__root',
    why: "Payload's Lexical editor's editable area (role=textbox) has no accessible name",
  },
  {
    rule: 'color-contrast',
    selector: '.localizer-button__label, .sort-column__label',
    why: "Payload's locale switcher label and list column headings use --theme-elevation-400/500 on white",
  },
]

export async function axeFindings(
  page: Page,
  name: string,
  minImpact: Impact = 'serious',
  within?: string,
): Promise<string[]> {
  // The whole page is analysed (labels and ids resolve against all of it); `within` keeps only
  // the findings inside that element, e.g. an open drawer over the dimmed page behind it.
  const results = await new AxeBuilder({ page }).analyze()
  const findings: {
    help: string
    impact: Impact
    knownPayloadIssue: boolean
    rule: string
    target: string
  }[] = []
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      const target = node.target.map(String).join(' >>> ')
      const known = PAYLOAD_OWN.filter((k) => k.rule === violation.id).map((k) => k.selector)
      const where =
        node.target.length === 1
          ? await page.evaluate(
              ({ known, target, within }) => {
                const el = document.querySelector(target)
                return {
                  inside: !within || (!!el && el.closest(within) !== null),
                  known: !!el && known.some((s) => el.closest(s) !== null),
                }
              },
              { known, target: String(node.target[0]), within },
            )
          : { inside: true, known: false }
      if (!where.inside) {
        continue
      }
      findings.push({
        help: violation.help,
        impact: violation.impact ?? 'minor',
        knownPayloadIssue: where.known,
        rule: violation.id,
        target,
      })
    }
  }
  await fs.mkdir(artifacts, { recursive: true })
  await fs.writeFile(
    path.join(artifacts, `axe-${name}.json`),
    `${JSON.stringify({ findings, url: page.url() }, null, 2)}\n`,
  )
  return findings
    .filter((f) => !f.knownPayloadIssue && IMPACTS.indexOf(f.impact) >= IMPACTS.indexOf(minImpact))
    .map((f) => `${name}: ${f.impact} ${f.rule} at ${f.target} (${f.help})`)
}
