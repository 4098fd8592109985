import { describe, expect, test } from '@jest/globals'

import {
  findMissingValues,
  findPlaceholders,
  findSplitPlaceholders,
  findUnknownPlaceholders,
  KNOWN_PLACEHOLDERS,
  lexicalToHTML,
  lexicalToText,
  resolvePlaceholders,
  resolveStatePlaceholders,
  resolveUrlPlaceholders,
} from '../../../src/render'
import { FORMAT, link, p, state, text } from './lexical'

const entity = {
  name: 'Acme LLC',
  address: '1 Main St\nKyiv 01001',
  email: 'legal@acme.example',
  phone: '+380 44 123 45 67',
  website: 'acme.example',
}

describe('findPlaceholders', () => {
  test('finds each name once, tolerating whitespace inside the braces', () => {
    expect(findPlaceholders('{{company.name}} at {{ company.address }}, {{company.name}}')).toEqual(
      ['company.name', 'company.address'],
    )
  })

  test('anything between double braces counts, typos included', () => {
    expect(findPlaceholders('{{company name}} {{Company.Email}} {{}}')).toEqual([
      'company name',
      'Company.Email',
      '',
    ])
  })

  test('lists the five company placeholders', () => {
    expect([...KNOWN_PLACEHOLDERS]).toEqual([
      'company.name',
      'company.address',
      'company.phone',
      'company.email',
      'company.website',
    ])
  })
})

describe('resolvePlaceholders', () => {
  test('substitutes every known placeholder', () => {
    expect(
      resolvePlaceholders('{{company.name}} ({{ company.email }}), {{company.phone}}', entity),
    ).toBe('Acme LLC (legal@acme.example), +380 44 123 45 67')
  })

  test('a missing or null value renders as an empty string, never as the placeholder', () => {
    expect(resolvePlaceholders('Call [{{company.phone}}]', { name: 'Acme', phone: null })).toBe(
      'Call []',
    )
    expect(resolvePlaceholders('By {{company.name}}.', undefined)).toBe('By .')
  })

  test('unknown placeholders stay as written', () => {
    expect(resolvePlaceholders('{{company.fax}} {{company.name}}', entity)).toBe(
      '{{company.fax}} Acme LLC',
    )
  })

  test('a value that looks like a placeholder is not expanded again', () => {
    expect(
      resolvePlaceholders('{{company.name}}', { name: '{{company.email}}', email: 'x@y.z' }),
    ).toBe('{{company.email}}')
  })
})

describe('resolveUrlPlaceholders', () => {
  test('mailto and tel links resolve, phone numbers without spaces', () => {
    expect(resolveUrlPlaceholders('mailto:{{company.email}}', entity)).toBe(
      'mailto:legal@acme.example',
    )
    expect(resolveUrlPlaceholders('tel:{{ company.phone }}', entity)).toBe('tel:+380441234567')
  })

  test('a website without scheme gets https:// when it starts the URL', () => {
    expect(resolveUrlPlaceholders('{{company.website}}/privacy', entity)).toBe(
      'https://acme.example/privacy',
    )
    expect(resolveUrlPlaceholders('{{company.website}}', { website: 'http://acme.example' })).toBe(
      'http://acme.example',
    )
  })

  test("placeholders percent-encoded by Payload's link field resolve too", () => {
    expect(resolveUrlPlaceholders('%7B%7Bcompany.website%7D%7D', entity)).toBe(
      'https://acme.example',
    )
    expect(resolveUrlPlaceholders('mailto%3A%7B%7B%20company.email%20%7D%7D', entity)).toBe(
      'mailto:legal@acme.example',
    )
  })

  test('free-text values are percent-encoded', () => {
    expect(resolveUrlPlaceholders('https://maps.example/?q={{company.address}}', entity)).toBe(
      'https://maps.example/?q=1%20Main%20St%0AKyiv%2001001',
    )
  })
})

describe('findUnknownPlaceholders', () => {
  test('reports unknown names from text nodes and link URLs, each once', () => {
    const body = state(
      p('Hello {{company.name}} and {{company.fax}}'),
      p(
        text('{{ companyname }}', FORMAT.bold),
        link('mailto:{{company.mail}}', ['{{company.fax}}']),
      ),
      p(link('%7B%7Bcompany.site%7D%7D', ['site'])),
    )
    expect(findUnknownPlaceholders(body)).toEqual([
      'company.fax',
      'companyname',
      'company.mail',
      'company.site',
    ])
  })

  test('known placeholders and empty states report nothing', () => {
    expect(
      findUnknownPlaceholders(
        state(p('{{company.name}}'), p(link('mailto:{{company.email}}', ['x']))),
      ),
    ).toEqual([])
    expect(findUnknownPlaceholders(null)).toEqual([])
    expect(findUnknownPlaceholders({ root: { type: 'root', children: [] } })).toEqual([])
  })
})

describe('findMissingValues and findSplitPlaceholders', () => {
  test('names the known placeholders whose value is empty', () => {
    const body = state(
      p('{{company.name}}, {{company.phone}}'),
      p(link('mailto:{{company.email}}', ['mail'])),
    )
    expect(findMissingValues(body, { name: 'Acme', phone: '  ' })).toEqual([
      'company.phone',
      'company.email',
    ])
  })

  test('finds a placeholder cut in two by formatting', () => {
    const body = state(p('Call ', text('{{company.', FORMAT.bold), 'phone}} or {{company.email}}'))
    expect(findSplitPlaceholders(body)).toEqual(['{{company.phone}}'])
    expect(findSplitPlaceholders(state(p('{{company.phone}}')))).toEqual([])
  })
})

describe('placeholders in rendered bodies', () => {
  test('values are HTML-escaped in HTML and verbatim in text', () => {
    const body = state(p('By {{company.name}}'))
    const evil = { name: '<b>Evil</b> & "Co"' }
    expect(lexicalToHTML(body, { entity: evil })).toBe(
      '<p>By &lt;b&gt;Evil&lt;/b&gt; &amp; "Co"</p>',
    )
    expect(lexicalToText(body, { entity: evil })).toBe('By <b>Evil</b> & "Co"')
  })

  test('a multi-line address becomes line breaks', () => {
    const body = state(p('Address: {{company.address}}'))
    expect(lexicalToHTML(body, { entity })).toBe('<p>Address: 1 Main St<br />Kyiv 01001</p>')
    expect(lexicalToText(body, { entity })).toBe('Address: 1 Main St\nKyiv 01001')
  })

  test('resolving clones the state and keeps formatting', () => {
    const body = state(p(text('{{company.name}}', FORMAT.bold)))
    const resolved = resolveStatePlaceholders(body, entity)
    expect(resolved?.root.children[0].children[0]).toMatchObject({
      type: 'text',
      format: 1,
      text: 'Acme LLC',
    })
    expect(body.root.children[0].children).toEqual([text('{{company.name}}', FORMAT.bold)])
  })
})
