import { describe, expect, test } from '@jest/globals'

import { renderDocument } from '../../../src/render'
import { p, state } from './lexical'
import { li, ol } from './lists'

const entity = { name: 'Acme LLC', email: 'legal@acme.example' }

describe('renderDocument', () => {
  const doc = renderDocument({
    entity,
    sections: [
      {
        anchor: 'who-we-are',
        body: state(p('{{company.name}}, {{company.email}}.')),
        heading: 'Who we are',
      },
      { body: state(ol(1, li(1, 'access'), li(2, 'erasure'))), heading: 'Your rights' },
      { anchor: '', body: state(p('Again.')), heading: 'Your rights' },
      { anchor: 'bad anchor"><script>', body: null, heading: 'Contact {{company.name}}' },
    ],
    title: 'Privacy policy of {{company.name}}',
  })

  test('builds a table of contents with unique anchors and resolved headings', () => {
    expect(doc.title).toBe('Privacy policy of Acme LLC')
    expect(doc.toc).toEqual([
      { anchor: 'who-we-are', heading: 'Who we are' },
      { anchor: 'your-rights', heading: 'Your rights' },
      { anchor: 'your-rights-2', heading: 'Your rights' },
      { anchor: 'contact-acme-llc', heading: 'Contact Acme LLC' },
    ])
  })

  test('renders each section body in every format', () => {
    expect(doc.sections[0]).toEqual({
      anchor: 'who-we-are',
      heading: 'Who we are',
      html: '<p>Acme LLC, legal@acme.example.</p>',
      markdown: 'Acme LLC, legal@acme.example.',
      text: 'Acme LLC, legal@acme.example.',
    })
    expect(doc.sections[3]).toMatchObject({ html: '', markdown: '', text: '' })
  })

  test('joins the sections', () => {
    expect(doc.html).toBe(
      '<section id="who-we-are"><h2>Who we are</h2><p>Acme LLC, legal@acme.example.</p></section>' +
        '<section id="your-rights"><h2>Your rights</h2><ol><li>access</li><li>erasure</li></ol></section>' +
        '<section id="your-rights-2"><h2>Your rights</h2><p>Again.</p></section>' +
        '<section id="contact-acme-llc"><h2>Contact Acme LLC</h2></section>',
    )
    expect(doc.text).toBe(
      'Who we are\n\nAcme LLC, legal@acme.example.\n\nYour rights\n\n1. access\n2. erasure\n\n' +
        'Your rights\n\nAgain.\n\nContact Acme LLC',
    )
    expect(doc.markdown).toBe(
      '## Who we are\n\nAcme LLC, legal@acme.example.\n\n## Your rights\n\n1. access\n2. erasure\n\n' +
        '## Your rights\n\nAgain.\n\n## Contact Acme LLC',
    )
  })

  test('headings and heading placeholders are escaped, never executed', () => {
    const evil = renderDocument({
      entity: { name: '<img src=x onerror=alert(1)>' },
      sections: [{ body: state(p('x')), heading: '<script>alert(1)</script> {{company.name}}' }],
      title: 'T',
    })
    expect(evil.html).toBe(
      '<section id="script-alert-1-script-img-src-x-onerror-alert-1">' +
        '<h2>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</h2><p>x</p></section>',
    )
    expect(evil.markdown).toBe(
      '## \\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(1)\\>\n\nx',
    )
  })

  test('a Cyrillic heading still gets an anchor', () => {
    const uk = renderDocument({
      sections: [{ body: null, heading: 'Загальні положення' }],
      title: 'Політика',
    })
    expect(uk.toc[0].anchor).toBe('zahalni-polozhennia')
  })
})
