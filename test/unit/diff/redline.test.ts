import { describe, expect, test } from '@jest/globals'

import type { FrozenLocale, FrozenSection } from '../../../src/publish/freezeContent'

import { forReview, redline, redlineText } from '../../../src/diff/redline'

/** A frozen section; the redline reads only id, anchor, heading and text. */
function sec(
  id: number | string,
  heading: string,
  text: string,
  anchor = heading.toLowerCase().replace(/\W+/g, '-'),
): FrozenSection {
  return { id, anchor, body: null, heading, html: '', markdown: '', text }
}

const doc = (...sections: FrozenSection[]): FrozenLocale => ({
  sections,
  summary: '',
  title: 'Privacy policy',
})

const A = sec(1, 'Who we are', 'Acme LLC runs this site.')
const B = sec(2, 'What we collect', 'Your email address.')
const C = sec(3, 'Your rights', 'Access and erasure.')
const D = sec(4, 'Contact', 'Write to legal@acme.example.')

/** Status of each section in output order, as `anchor:status`. */
const statuses = (r: ReturnType<typeof redline>) => r.sections.map((s) => `${s.anchor}:${s.status}`)

describe('redlineText', () => {
  test('marks a replaced word with exact del/ins markup', () => {
    expect(redlineText('the quick fox', 'the slow fox')).toBe(
      'the <del>quick</del><ins>slow</ins> fox',
    )
  })

  test('marks pure insertions and deletions', () => {
    expect(redlineText('Your rights', 'Your privacy rights')).toBe('Your <ins>privacy </ins>rights')
    expect(redlineText('Your privacy rights', 'Your rights')).toBe('Your <del>privacy </del>rights')
  })

  test('identical text comes back escaped and unmarked', () => {
    expect(redlineText('Fees & <costs>', 'Fees & <costs>')).toBe('Fees &amp; &lt;costs&gt;')
  })

  test('escapes markup and entities inside ins, del and unchanged text', () => {
    expect(redlineText('We sell data & more.', 'We share <script>alert(1)</script> & more.')).toBe(
      'We <del>sell data</del><ins>share &lt;script&gt;alert(1)&lt;/script&gt;</ins> &amp; more.',
    )
    expect(redlineText(`Tom's "data"`, `Tom's "records"`)).toBe(
      'Tom&#39;s &quot;<del>data</del><ins>records</ins>&quot;',
    )
    expect(redlineText('<b>old</b>', '<img src=x onerror=alert(1)>')).not.toMatch(
      /<(?!\/?(?:ins|del|br)>)/,
    )
  })

  test('keeps list and paragraph structure of the plain text as line breaks', () => {
    expect(redlineText('• one\n• two', '• one\n• two\n• three')).toBe(
      '• one<br>• two<br><ins>• three</ins>',
    )
    expect(redlineText('See our site.\n\nMore.', 'See our new site.\n\nMore.')).toBe(
      'See our <ins>new </ins>site.<br><br>More.',
    )
  })
})

describe('redline', () => {
  test('an identical version reports every section unchanged, without marks', () => {
    const r = redline(doc(A, B), doc(A, B))
    expect(r.summary).toEqual({
      added: 0,
      changed: 0,
      moved: 0,
      removed: 0,
      unchanged: 2,
    })
    expect(r.sections).toEqual([
      {
        anchor: 'who-we-are',
        fromPosition: 1,
        heading: 'Who we are',
        html: '<h2>Who we are</h2>Acme LLC runs this site.',
        status: 'unchanged',
        toPosition: 1,
      },
      {
        anchor: 'what-we-collect',
        fromPosition: 2,
        heading: 'What we collect',
        html: '<h2>What we collect</h2>Your email address.',
        status: 'unchanged',
        toPosition: 2,
      },
    ])
    expect(r.html).toBe(
      '<section class="redline-unchanged" id="who-we-are"><h2>Who we are</h2>Acme LLC runs this site.</section>' +
        '<section class="redline-unchanged" id="what-we-collect"><h2>What we collect</h2>Your email address.</section>',
    )
  })

  // Each case: the two versions, and what its redline must show of them (the parts given).
  test.each<{
    from: FrozenSection[]
    html?: string
    name: string
    section?: [number, ReturnType<typeof redline>['sections'][number]]
    statuses?: string[]
    summary?: ReturnType<typeof redline>['summary']
    to: FrozenSection[]
  }>([
    {
      name: 'a section changed in place carries word-level ins/del',
      from: [A, B, C],
      html: '<section class="redline-changed" id="what-we-collect"><h2>What we collect</h2>Your email address <ins>and phone number</ins>.</section>',
      section: [
        1,
        {
          anchor: 'what-we-collect',
          fromPosition: 2,
          heading: 'What we collect',
          html: '<h2>What we collect</h2>Your email address <ins>and phone number</ins>.',
          status: 'changed',
          toPosition: 2,
        },
      ],
      statuses: ['who-we-are:unchanged', 'what-we-collect:changed', 'your-rights:unchanged'],
      summary: { added: 0, changed: 1, moved: 0, removed: 0, unchanged: 2 },
      to: [A, sec(2, 'What we collect', 'Your email address and phone number.'), C],
    },
    {
      name: 'an added section is wrapped whole in ins and does not disturb its neighbours',
      from: [A, B],
      section: [
        1,
        {
          anchor: 'cookies',
          fromPosition: null,
          heading: 'Cookies',
          html: '<ins><h2>Cookies</h2>We use one cookie.</ins>',
          status: 'added',
          toPosition: 2,
        },
      ],
      statuses: ['who-we-are:unchanged', 'cookies:added', 'what-we-collect:unchanged'],
      summary: { added: 1, changed: 0, moved: 0, removed: 0, unchanged: 2 },
      to: [A, sec(9, 'Cookies', 'We use one cookie.'), B],
    },
    {
      // Removed sections are listed after the sections of the newer version.
      name: 'a removed section is wrapped whole in del and does not disturb the others',
      from: [A, B, C],
      html: '<section class="redline-removed" id="what-we-collect"><del><h2>What we collect</h2>Your email address.</del></section>',
      section: [
        2,
        {
          anchor: 'what-we-collect',
          fromPosition: 2,
          heading: 'What we collect',
          html: '<del><h2>What we collect</h2>Your email address.</del>',
          status: 'removed',
          toPosition: null,
        },
      ],
      statuses: ['who-we-are:unchanged', 'your-rights:unchanged', 'what-we-collect:removed'],
      summary: { added: 0, changed: 0, moved: 0, removed: 1, unchanged: 2 },
      to: [A, C],
    },
    {
      name: 'an addition and a removal at the same place are not moves',
      from: [A, B, C],
      statuses: [
        'cookies:added',
        'who-we-are:unchanged',
        'your-rights:unchanged',
        'what-we-collect:removed',
      ],
      summary: { added: 1, changed: 0, moved: 0, removed: 1, unchanged: 2 },
      to: [sec(9, 'Cookies', 'We use one cookie.'), A, C],
    },
    {
      name: 'a section moved and changed is reported as both and counted in both',
      from: [A, B, C, D],
      section: [
        3,
        {
          anchor: 'who-we-are',
          fromPosition: 1,
          heading: 'Who we are',
          html: '<h2>Who we are</h2>Acme <del>LLC</del><ins>Inc.</ins> runs this site.',
          status: 'moved-and-changed',
          toPosition: 4,
        },
      ],
      statuses: [
        'what-we-collect:unchanged',
        'your-rights:unchanged',
        'contact:unchanged',
        'who-we-are:moved-and-changed',
      ],
      summary: { added: 0, changed: 1, moved: 1, removed: 0, unchanged: 3 },
      to: [B, C, D, sec(1, 'Who we are', 'Acme Inc. runs this site.')],
    },
    {
      name: 'sections are matched by id when heading and anchor change',
      from: [A, C],
      section: [
        1,
        {
          anchor: 'privacy-rights',
          fromPosition: 2,
          heading: 'Your privacy rights',
          html: '<h2>Your <ins>privacy </ins>rights</h2>Access and erasure.',
          status: 'changed',
          toPosition: 2,
        },
      ],
      summary: { added: 0, changed: 1, moved: 0, removed: 0, unchanged: 1 },
      to: [A, sec(3, 'Your privacy rights', 'Access and erasure.', 'privacy-rights')],
    },
    {
      name: 'a new section reusing an old anchor is an addition plus a removal, not a change',
      from: [A, C],
      statuses: ['who-we-are:unchanged', 'your-rights:added', 'your-rights:removed'],
      to: [A, sec(30, 'Your rights', 'Access and erasure.')],
    },
    {
      name: 'a full document to an empty one removes every section in order',
      from: [A, B],
      statuses: ['who-we-are:removed', 'what-we-collect:removed'],
      summary: { added: 0, changed: 0, moved: 0, removed: 2, unchanged: 0 },
      to: [],
    },
  ])('$name', ({ from, html, section, statuses: inOrder, summary, to }) => {
    const r = redline(doc(...from), doc(...to))
    if (inOrder) {
      expect(statuses(r)).toEqual(inOrder)
    }
    if (summary) {
      expect(r.summary).toEqual(summary)
    }
    if (section) {
      expect(r.sections[section[0]]).toEqual(section[1])
    }
    if (html) {
      expect(r.html).toContain(html)
    }
  })

  test('a section moved without change is reported as moved, with unmarked text', () => {
    const r = redline(doc(A, B, C), doc(A, C, B))
    expect(r.summary).toEqual({
      added: 0,
      changed: 0,
      moved: 1,
      removed: 0,
      unchanged: 2,
    })
    const moved = r.sections.find((s) => s.status === 'moved')!
    expect(['your-rights', 'what-we-collect']).toContain(moved.anchor)
    const yourRights = r.sections.find((s) => s.anchor === 'your-rights')!
    expect(yourRights).toMatchObject({
      fromPosition: 3,
      html: '<h2>Your rights</h2>Access and erasure.',
      toPosition: 2,
    })
  })

  test('moving one section to the end marks only that section as moved', () => {
    const r = redline(doc(A, B, C, D), doc(B, C, D, A))
    expect(statuses(r)).toEqual([
      'what-we-collect:unchanged',
      'your-rights:unchanged',
      'contact:unchanged',
      'who-we-are:moved',
    ])
    expect(r.summary).toEqual({
      added: 0,
      changed: 0,
      moved: 1,
      removed: 0,
      unchanged: 3,
    })
    expect(r.sections[3]).toMatchObject({
      fromPosition: 1,
      html: '<h2>Who we are</h2>Acme LLC runs this site.',
      toPosition: 4,
    })
    expect(r.html).toContain('<section class="redline-moved" id="who-we-are">')
  })

  test('ids are compared as strings, so 3 and "3" are the same section', () => {
    const r = redline(doc(C), doc(sec('3', 'Your rights', 'Access and erasure.')))
    expect(statuses(r)).toEqual(['your-rights:unchanged'])
  })

  test('escapes script text and entities in added, removed and changed sections and in the anchor', () => {
    const evilHeading = 'Fees & <script>alert(1)</script>'
    const added = sec(7, evilHeading, 'Pay <b>now</b> & later.', 'fees"><script>')
    const removed = sec(8, 'Old & <img src=x onerror=alert(1)>', 'Gone <script>x</script>')
    const before = sec(2, 'What we collect', 'Name & email.')
    const after = sec(2, 'What we collect', 'Name & <script>steal()</script> email.')
    const r = redline(doc(before, removed), doc(after, added))

    expect(r.sections.map((s) => s.html)).toEqual([
      '<h2>What we collect</h2>Name &amp; <ins>&lt;script&gt;steal()&lt;/script&gt; </ins>email.',
      '<ins><h2>Fees &amp; &lt;script&gt;alert(1)&lt;/script&gt;</h2>Pay &lt;b&gt;now&lt;/b&gt; &amp; later.</ins>',
      '<del><h2>Old &amp; &lt;img src=x onerror=alert(1)&gt;</h2>Gone &lt;script&gt;x&lt;/script&gt;</del>',
    ])
    expect(r.html).toContain('<section class="redline-added" id="fees&quot;&gt;&lt;script&gt;">')
    // Every tag left in the page is one the redline itself writes.
    for (const tag of r.html.match(/<[^>]*>/g) ?? []) {
      expect(tag).toMatch(
        /^<(?:\/?(?:ins|del|h2|br|section)>|section class="redline-[a-z-]+" id="[^"<>]*">)$/,
      )
    }
  })

  test('newlines in added and removed sections become line breaks', () => {
    const list = sec(5, 'Rights', '• access\n• erasure')
    expect(redline(doc(), doc(list)).sections[0].html).toBe(
      '<ins><h2>Rights</h2>• access<br>• erasure</ins>',
    )
    expect(redline(doc(list), doc()).sections[0].html).toBe(
      '<del><h2>Rights</h2>• access<br>• erasure</del>',
    )
  })

  test('a list item added to a section is marked within the list', () => {
    const before = sec(5, 'Rights', '• access\n• erasure')
    const after = sec(5, 'Rights', '• access\n• erasure\n• portability')
    expect(redline(doc(before), doc(after)).sections[0].html).toBe(
      '<h2>Rights</h2>• access<br>• erasure<br><ins>• portability</ins>',
    )
  })

  test('a section with no text compares as empty', () => {
    const empty = {
      ...sec(6, 'Intro', ''),
      text: undefined as unknown as string,
    }
    const filled = sec(6, 'Intro', 'Hello there.')
    expect(redline(doc(empty), doc(filled)).sections[0]).toMatchObject({
      html: '<h2>Intro</h2><ins>Hello there.</ins>',
      status: 'changed',
    })
    expect(redline(doc(empty), doc(empty)).sections[0]).toMatchObject({
      html: '<h2>Intro</h2>',
      status: 'unchanged',
    })
  })

  test('an empty document to a full one adds every section in order', () => {
    const r = redline(doc(), doc(A, B))
    expect(r.summary).toEqual({
      added: 2,
      changed: 0,
      moved: 0,
      removed: 0,
      unchanged: 0,
    })
    expect(r.sections.map((s) => [s.status, s.fromPosition, s.toPosition])).toEqual([
      ['added', null, 1],
      ['added', null, 2],
    ])
    expect(r.html).toBe(
      '<section class="redline-added" id="who-we-are"><ins><h2>Who we are</h2>Acme LLC runs this site.</ins></section>' +
        '<section class="redline-added" id="what-we-collect"><ins><h2>What we collect</h2>Your email address.</ins></section>',
    )
  })

  test('two empty documents give an empty redline', () => {
    expect(redline(doc(), doc())).toEqual({
      html: '',
      sections: [],
      summary: { added: 0, changed: 0, moved: 0, removed: 0, unchanged: 0 },
    })
  })
})

describe('forReview: changed sections first, unchanged ones after', () => {
  test('every changed kind comes before the unchanged sections, each group in redline order, nothing lost', () => {
    const B2 = sec(2, 'What we collect', 'Your email address and phone number.')
    const E = sec(5, 'Cookies', 'We use two.')
    // A unchanged, B changed, E added, C unchanged, D removed.
    const r = redline(doc(A, B, C, D), doc(A, B2, E, C))
    const { changed, unchanged } = forReview(r.sections)
    expect(changed.map((s) => `${s.anchor}:${s.status}`)).toEqual([
      'what-we-collect:changed',
      'cookies:added',
      'contact:removed',
    ])
    expect(unchanged.map((s) => s.anchor)).toEqual(['who-we-are', 'your-rights'])
    expect([...changed, ...unchanged].map((s) => s.anchor).sort()).toEqual(
      r.sections.map((s) => s.anchor).sort(),
    )
  })

  test('moved sections count as changed; an identical draft has nothing changed', () => {
    expect(
      forReview(redline(doc(A, B, C), doc(B, A, C)).sections).changed.map((s) => s.status),
    ).toEqual(['moved'])
    expect(forReview(redline(doc(A, B), doc(A, B)).sections)).toMatchObject({
      changed: [],
      unchanged: [{ anchor: 'who-we-are' }, { anchor: 'what-we-collect' }],
    })
  })
})
