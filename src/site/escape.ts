// The one place text becomes HTML. Every value from a bulletin passes through here, so auditing escaping means reading this file.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in double- or single-quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** XML has the same five specials; named separately so feed code reads as feed code. */
export const escapeXml = escapeHtml;

/**
 * JSON inside `<script type="application/ld+json">`: `<` can never close the element, and the two
 * line separators JavaScript once rejected are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
