/**
 * R-PATHS: field paths are dotted with numeric array indices (`items.0.name`).
 * Accepts JSON pointers (`/items/0/name`), bracket paths (`items[0].name`, `items[0][name]`, `a['b']`),
 * JSONPath-ish roots (`$.items[0]`) and segment arrays (`['body', 'items', 0]`).
 * R-LINEAR: one pass over the text, no backtracking regular expression (a 100 KB field name of `[ `
 * or `a[` is read in well under a millisecond per kilobyte).
 */
export function normalizePath(path: string | readonly PropertyKey[] | undefined | null): string {
  if (path == null) return '';
  if (typeof path !== 'string') return path.map((segment) => String(segment)).join('.');
  let text = path.trim();
  if (text === '' || text === '/' || text === '$') return '';
  if (text.startsWith('#/')) text = text.slice(1);
  if (text.startsWith('/')) return pointerSegments(text).join('.');
  if (text.startsWith('$.')) text = text.slice(2);
  else if (text.startsWith('$[')) text = text.slice(1);
  const segments: string[] = [];
  let current = '';
  // After one failed search for `]`, no `[` further on can be closed either: never search again.
  let closable = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '.') {
      segments.push(current);
      current = '';
    } else if (char === '[' && closable) {
      const close = text.indexOf(']', index + 1);
      const inner = close === -1 ? undefined : bracketContent(text.slice(index + 1, close));
      if (close === -1) closable = false;
      if (inner === undefined) {
        current += char;
      } else {
        segments.push(current, inner);
        current = '';
        index = close;
      }
    } else {
      current += char;
    }
  }
  segments.push(current);
  return segments.filter((segment) => segment !== '').join('.');
}

/** `[0]`, `[ 'name' ]`, `["name"]` → the name; `undefined` when a quote sits inside (then `[` is literal). */
function bracketContent(raw: string): string | undefined {
  let inner = raw.trim();
  if (inner.startsWith("'") || inner.startsWith('"')) inner = inner.slice(1);
  if (inner.endsWith("'") || inner.endsWith('"')) inner = inner.slice(0, -1);
  return inner.includes("'") || inner.includes('"') ? undefined : inner;
}

/** Splits an RFC 6901 JSON pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** JSON:API pointers address the document: `/data/attributes/title` names the field `title`. */
export function jsonApiPointerToPath(pointer: string): string {
  const segments = pointerSegments(pointer);
  if (segments[0] === 'data') {
    let rest = segments.slice(1);
    if (/^\d+$/.test(rest[0] ?? '')) rest = rest.slice(1);
    if (rest[0] === 'attributes' || rest[0] === 'relationships') rest = rest.slice(1);
    return rest.join('.');
  }
  return segments.join('.');
}
