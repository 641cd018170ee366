/**
 * A free-text search parameter from the URL. The router parses `?q=123` into a number, so a
 * hand-typed or shared link searching for digits (a phone number, an id) is turned back into text.
 */
export function textParam(value: unknown, max: number): string | undefined {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  return text.slice(0, max) || undefined;
}
