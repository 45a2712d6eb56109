/**
 * A loosely typed value (a spreadsheet cell, a stored field read by key, a form value) as the
 * text a person would type for it. Objects have no such text: they give '' rather than
 * "[object Object]" ending up in a form, a file or a message.
 */
export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return String(v);
  if (Array.isArray(v)) return v.map(scalarText).join(',');
  return '';
}
