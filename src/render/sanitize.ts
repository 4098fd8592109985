import sanitizeHtml from 'sanitize-html'

// Links to other sites, and links opening a new tab, cannot reach back into the page that
// linked them (noopener) nor tell it where the reader came from (noreferrer).
function safeLink(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { rel: _rel, target, ...rest } = attribs
  const external = /^(?:https?:)?\/\//i.test(rest.href ?? '')
  const newTab = target === '_blank'
  return {
    attribs: {
      ...rest,
      ...(external || newTab ? { rel: 'noopener noreferrer' } : {}),
      ...(newTab ? { target } : {}),
    },
    tagName,
  }
}

/**
 * The only markup legal text may contain. h1 is the page title's, so body headings start at
 * h2; no class or style survives, so the host site's stylesheet alone decides the look.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    li: ['value'],
    ol: ['start'],
  },
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'a',
    'strong',
    'em',
    'u',
    's',
    'code',
    'br',
    'blockquote',
  ],
  // Relative and protocol-relative (//host) URLs stay allowed: they can only be http(s).
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowedSchemesByTag: {},
  disallowedTagsMode: 'discard',
  transformTags: { a: safeLink, h1: 'h2' },
}

/**
 * Last line of defence after the converters, which already escape text and vet URLs: whatever
 * a future converter or a crafted node lets through, no script, event handler or javascript:
 * URL leaves this function.
 */
export function sanitizeLegalHTML(html: string): string {
  return sanitizeHtml(html, OPTIONS)
}
