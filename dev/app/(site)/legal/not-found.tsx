import { messagesFor } from '../../../site/messages'
import { SiteFrame } from '../_components/SiteFrame'

/** 404 of the public pages: an unknown document, or a version that was never published. */
export default function LegalNotFound() {
  // A not-found page does not receive the query string: it is shown in the default language.
  const m = messagesFor('en')
  return (
    <SiteFrame locale="en" path="/legal" title={m.notFoundTitle}>
      <h1 data-testid="not-found-title">{m.notFoundTitle}</h1>
      <p>{m.notFoundText}</p>
      <p>
        <a href="/legal">{m.navDocuments}</a>
      </p>
    </SiteFrame>
  )
}
