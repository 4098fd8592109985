const ENTITIES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
}

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char])
}
