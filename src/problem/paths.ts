/**
 * R-PATHS: field paths are dotted with numeric array indices (`items.0.name`).
 * Accepts JSON pointers (`/items/0/name`), bracket paths (`items[0].name`, `items[0][name]`, `a['b']`),
 * JSONPath-ish roots (`$.items[0]`) and segment arrays (`['body', 'items', 0]`).
 * R-LINEAR: one scan, no backtracking regular expression (0.1's bracket regex took 2.5 s on a field name of
 * 20,000 `[ `), and a bounded number of segments, so a hostile name costs no garbage either.
 */
export function normalizePath(path: string | readonly PropertyKey[] | undefined | null): string {
  if (path == null) return '';
  if (typeof path !== 'string') return path.map((segment) => String(segment)).join('.');
  let text = path.trim();
  if (text === '' || text === '/' || text === '$') return '';
  if (text.startsWith('#/')) text = text.slice(1);
  if (text.startsWith('/')) return joinSegments(text, true);
  if (text.startsWith('$.')) text = text.slice(2);
  return joinSegments(text, false);
}

const DOT = 46;
const SLASH = 47;
const OPEN = 91;
const CLOSE = 93;
const SPACE = 32;

/** No form has 64 levels: past them the rest of a path is kept as it is. */
const MAX_SEGMENTS = 64;

/**
 * A pointer's segments split at `/` and unescaped (`~1`, `~0`); a bracket path's split at `.`, `[` and `]`,
 * trimmed, without the quotes around them (`a[0]['b']` → `a.0.b`). Empty segments are dropped. Bounds are found
 * with charCodeAt and only kept segments are sliced, so hostile input (100 KB of `[ `) makes no garbage.
 */
function joinSegments(text: string, pointer: boolean): string {
  let result = '';
  let segments = 0;
  let start = pointer ? 1 : 0;
  for (let index = start; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : -1;
    if (code !== -1 && (pointer ? code !== SLASH : code !== DOT && code !== OPEN && code !== CLOSE)) continue;
    let from = start;
    let to = index;
    start = index + 1;
    if (!pointer) {
      while (from < to && text.charCodeAt(from) <= SPACE) from++;
      while (to > from && text.charCodeAt(to - 1) <= SPACE) to--;
      if (from < to && isQuote(text.charCodeAt(from))) from++;
      if (to > from && isQuote(text.charCodeAt(to - 1))) to--;
    }
    if (from === to) continue;
    const raw = text.slice(from, to);
    const segment = pointer ? raw.replaceAll('~1', '/').replaceAll('~0', '~') : raw;
    result = result === '' ? segment : `${result}.${segment}`;
    if (++segments === MAX_SEGMENTS && start < text.length) return `${result}.${text.slice(start)}`;
  }
  return result;
}

function isQuote(code: number): boolean {
  return code === 34 || code === 39;
}

/** JSON:API pointers address the document: `/data/attributes/title` names the field `title`. */
export function jsonApiPointerToPath(pointer: string): string {
  return normalizePath(pointer).replace(/^data(\.\d+)?(\.(attributes|relationships))?(\.|$)/, '');
}
