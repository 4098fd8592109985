const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char])
}
