import type { CollectionConfig, Field, GlobalConfig } from 'payload'

import { describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { cookieEntriesCollection } from '../../collections/CookieEntries'
import { legalAcceptancesCollection } from '../../collections/LegalAcceptances'
import { legalConsentsCollection } from '../../collections/LegalConsents'
import { legalDocumentsCollection } from '../../collections/LegalDocuments'
import { legalEntityGlobal } from '../../collections/LegalEntity'
import { legalReviewEventsCollection } from '../../collections/LegalReviewEvents'
import { legalSectionsCollection } from '../../collections/LegalSections'
import { legalVersionsCollection } from '../../collections/LegalVersions'
import { rolesField } from '../../src/fields/rolesField'
import { resolveOptions } from '../../src/options'
import { DOCUMENT_KINDS } from '../../src/slugs'
import { en } from '../../src/translations/en'
import { I18N_NAMESPACE, translations } from '../../src/translations/index'
import { uk } from '../../src/translations/uk'
import { REVIEW_STATES, STATE_LABELS } from '../../src/workflow/rules'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const enTexts: Record<string, string> = en[I18N_NAMESPACE]
const ukTexts: Record<string, string> = uk[I18N_NAMESPACE]

/**
 * Ukrainian texts that may stay as they are in English: none today. A key belongs here only
 * when its text is a proper name or unit that Ukrainian writes the same way.
 */
const SAME_IN_UKRAINIAN: string[] = []

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

/** Every plugin source file: the places that can name a key. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return sourceFiles(full)
    }
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}
const sources = [
  ...sourceFiles(path.join(root, 'src')),
  ...sourceFiles(path.join(root, 'collections')),
].map((file) => ({
  file: path.relative(root, file),
  text: fs.readFileSync(file, 'utf8'),
}))

/** `'legal-documents:key'` literals (in `t(…)` calls and in key maps) and `perLanguage('key')` calls. */
function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>()
  const add = (key: string, file: string) => used.set(key, [...(used.get(key) ?? []), file])
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/(['"`])legal-documents:([\w-]+)\1/g)) {
      add(m[2], file)
    }
    for (const m of text.matchAll(/perLanguage\(\s*(['"])([\w-]+)\1\s*\)/g)) {
      add(m[2], file)
    }
  }
  return used
}

/** Payload's `t` over one language's texts: `{{name}}` filled in, an unknown key an error. */
function tFor(texts: Record<string, string>) {
  return (key: string, vars: Record<string, unknown> = {}) => {
    const [namespace, name] = key.split(':')
    if (namespace !== I18N_NAMESPACE || !name || !(name in texts)) {
      throw new Error(`unknown translation key "${key}"`)
    }
    return texts[name].replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, v: string) =>
      v in vars ? String(vars[v]) : whole,
    )
  }
}

type Found = { label: unknown; where: string }

/** Every label the admin shows for a collection or global: its names, group, fields, descriptions, options. */
function labelsOf(entity: CollectionConfig | GlobalConfig, kind: 'collection' | 'global'): Found[] {
  const found: Found[] = []
  const at = (where: string, label: unknown) =>
    found.push({ label, where: `${entity.slug}: ${where}` })
  if (kind === 'collection') {
    const { labels } = entity as CollectionConfig
    at('labels.singular', labels?.singular)
    at('labels.plural', labels?.plural)
  } else {
    at('label', (entity as GlobalConfig).label)
  }
  at('admin.group', entity.admin?.group)
  found.push(...fieldLabels(entity.fields, `${entity.slug}: `))
  return found
}

function fieldLabels(fields: Field[], prefix = ''): Found[] {
  const found: Found[] = []
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      found.push(...fieldLabels(field.fields, prefix))
      continue
    }
    if (!('name' in field)) {
      continue
    }
    const where = `${prefix}${field.name}`
    // A field without a label gets Payload's English one made from its name.
    found.push({ label: field.label, where: `${where}.label` })
    const description = (field.admin as { description?: unknown } | undefined)?.description
    if (description !== undefined) {
      found.push({ label: description, where: `${where}.admin.description` })
    }
    if ('options' in field && Array.isArray(field.options)) {
      for (const option of field.options) {
        if (typeof option === 'string') {
          found.push({ label: option, where: `${where} option "${option}"` })
        } else {
          found.push({ label: option.label, where: `${where} option "${option.value}"` })
        }
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      found.push(...fieldLabels(field.fields, `${where}.`))
    }
  }
  return found
}

function allLabels(): Found[] {
  const options = resolveOptions()
  return [
    ...labelsOf(legalDocumentsCollection(options), 'collection'),
    ...labelsOf(legalSectionsCollection(options), 'collection'),
    ...labelsOf(legalVersionsCollection(options), 'collection'),
    ...labelsOf(cookieEntriesCollection(options), 'collection'),
    ...labelsOf(legalReviewEventsCollection(options), 'collection'),
    ...labelsOf(legalConsentsCollection(), 'collection'),
    ...labelsOf(legalAcceptancesCollection(), 'collection'),
    ...labelsOf(legalEntityGlobal(options), 'global'),
    ...fieldLabels([rolesField], 'users: '),
  ]
}

/** What the admin shows for a label in one language, as Payload resolves it (getTranslation). */
function shown(label: unknown, language: 'en' | 'uk'): unknown {
  const texts = language === 'en' ? enTexts : ukTexts
  if (typeof label === 'function') {
    return label({ i18n: { fallbackLanguage: 'en', language, t: tFor(texts) }, t: tFor(texts) })
  }
  if (label && typeof label === 'object') {
    return (label as Record<string, string>)[language]
  }
  return label
}

describe('the plugin translations', () => {
  test('English and Ukrainian have exactly the same keys', () => {
    expect(Object.keys(translations).sort()).toEqual(['en', 'uk'])
    expect(Object.keys(en)).toEqual([I18N_NAMESPACE])
    expect(Object.keys(uk)).toEqual([I18N_NAMESPACE])
    expect(Object.keys(ukTexts).sort()).toEqual(Object.keys(enTexts).sort())
  })

  test('keys are plain: no plural endings Payload would read as _one/_other forms, no nesting', () => {
    expect(Object.keys(enTexts).length).toBeGreaterThan(0)
    for (const [key, value] of Object.entries(enTexts)) {
      expect(key).toMatch(/^[a-z][a-z-]*[a-z]$/)
      expect(typeof value).toBe('string')
    }
  })

  test('no text is empty or only whitespace', () => {
    expect([Object.keys(enTexts).length, Object.keys(ukTexts).length].every((n) => n > 0)).toBe(
      true,
    )
    for (const texts of [enTexts, ukTexts]) {
      for (const [key, value] of Object.entries(texts)) {
        expect([key, value.trim().length > 0]).toEqual([key, true])
      }
    }
  })

  test('every Ukrainian text is translated (Cyrillic, not the English text) unless listed as a proper name', () => {
    const untranslated = Object.entries(ukTexts)
      .filter(([key]) => !SAME_IN_UKRAINIAN.includes(key))
      .filter(([key, value]) => value === enTexts[key] || !/[\u0400-\u04FF]/.test(value))
      .map(([key, value]) => `${key}: ${value}`)
    expect(untranslated).toEqual([])
    for (const key of SAME_IN_UKRAINIAN) {
      expect(key in ukTexts).toBe(true)
    }
  })

  test('both languages fill in the same {{placeholders}}', () => {
    expect(Object.keys(enTexts).length).toBeGreaterThan(0)
    for (const key of Object.keys(enTexts)) {
      expect([key, placeholders(ukTexts[key])]).toEqual([key, placeholders(enTexts[key])])
    }
  })

  test('the plugin source names keys literally, so this test sees every one', () => {
    // A key put together at run time (t(`legal-documents:${x}`)) could name a key that does not exist.
    const dynamic = sources
      .filter(({ text }) => /\bt\(\s*`legal-documents:\$\{|perLanguage\(\s*`/.test(text))
      .map(({ file }) => file)
    expect(dynamic).toEqual([])
  })

  test('every key used in src/ and collections/ exists, and every key is used', () => {
    const used = usedKeys()
    expect(used.size).toBeGreaterThan(50)
    const missing = [...used]
      .filter(([key]) => !(key in enTexts))
      .map(([key, files]) => `${key} (${files.join(', ')})`)
    expect(missing).toEqual([])
    const unused = Object.keys(enTexts).filter((key) => !used.has(key))
    expect(unused).toEqual([])
  })

  test('the admin shows the same English words for the workflow states as the server labels', () => {
    // The workflow status pill used to show the server's label; browser tests wait for these words.
    for (const state of REVIEW_STATES) {
      expect(enTexts[`state-${state}`]).toBe(STATE_LABELS[state])
    }
    expect(enTexts['state-scheduled']).toBe('Scheduled')
  })

  test('document kinds keep their stored values', () => {
    expect(DOCUMENT_KINDS.map((k) => k.value)).toEqual([
      'terms-of-use',
      'privacy-policy',
      'cookie-policy',
      'data-security',
      'general-conditions',
      'other',
    ])
  })
})

describe('the collections and global label everything through the translations', () => {
  const labels = allLabels()

  test('labels were found in every collection, the global and the roles field', () => {
    expect(labels.length).toBeGreaterThan(80)
    const slugs = new Set(labels.map((l) => l.where.split(':')[0]))
    expect([...slugs].sort()).toEqual(
      [
        'cookie-entries',
        'legal-acceptances',
        'legal-consents',
        'legal-documents',
        'legal-entity',
        'legal-review-events',
        'legal-sections',
        'legal-versions',
        'users',
      ].sort(),
    )
  })

  test('no label is a plain string or missing (which Payload would show in English in every language)', () => {
    const plain = labels
      .filter(({ label }) => typeof label !== 'function' && !(label && typeof label === 'object'))
      .map((l) => l.where)
    expect(plain).toEqual([])
  })

  test('every label function uses the plugin keys: in Ukrainian it gives the Ukrainian text', () => {
    const ukValues = new Set(Object.values(ukTexts))
    const enValues = new Set(Object.values(enTexts))
    const functions = labels.filter(({ label }) => typeof label === 'function')
    expect(functions.length).toBeGreaterThan(80)
    for (const { label, where } of functions) {
      const inUkrainian = shown(label, 'uk')
      expect([where, typeof inUkrainian === 'string' && ukValues.has(inUkrainian)]).toEqual([
        where,
        true,
      ])
      expect([where, enValues.has(shown(label, 'en') as string)]).toEqual([where, true])
    }
  })

  test('per-language records (admin.group, ui fields) carry the Ukrainian text too', () => {
    const records = labels.filter(({ label }) => label && typeof label === 'object')
    expect(records.length).toBeGreaterThanOrEqual(8)
    const ukValues = new Set(Object.values(ukTexts))
    for (const { label, where } of records) {
      const record = label as Record<string, string>
      expect([where, Object.keys(record).sort()]).toEqual([where, ['en', 'uk']])
      expect([where, ukValues.has(record.uk), Object.values(enTexts).includes(record.en)]).toEqual([
        where,
        true,
        true,
      ])
    }
  })

  test('the group is "Юридичне" in Ukrainian and "Legal" in English', () => {
    const groups = labels.filter((l) => l.where.endsWith('admin.group'))
    expect(groups).toHaveLength(8)
    for (const { label } of groups) {
      expect(label).toEqual({ en: 'Legal', uk: 'Юридичне' })
    }
  })

  test('select options show the translated text for their stored value', () => {
    const kind = labels.find((l) => l.where === 'legal-documents: kind option "privacy-policy"')
    expect(shown(kind?.label, 'uk')).toBe('Політика конфіденційності')
    expect(shown(kind?.label, 'en')).toBe('Privacy policy')
    const state = labels.find(
      (l) => l.where === 'legal-documents: workflowState option "in-review"',
    )
    expect(shown(state?.label, 'uk')).toBe('На перевірці')
    const role = labels.find((l) => l.where === 'users: roles option "reviewer"')
    expect(shown(role?.label, 'uk')).toBe('Рецензент')
    expect(shown(role?.label, 'en')).toBe('Reviewer')
  })
})
