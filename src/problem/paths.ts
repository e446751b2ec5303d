/** No form has 64 levels: a path is split into at most this many segments, the rest is dropped. */
const MAX_SEGMENTS = 64;

/**
 * R-PATHS: field paths are dotted with numeric array indices (`items.0.name`).
 * Accepts JSON pointers (`/items/0/name`, `#/items/0/name`), bracket paths (`items[0].name`, `items[0][name]`,
 * `a['b']`), JSONPath-ish roots (`$`, `$.items[0]`) and segment arrays (`['body', 'items', 0]`).
 * A pointer's segments are split at `/` and unescaped (`~1`, `~0`); a bracket path's split at `.`, `[` and `]`,
 * trimmed, without the quotes around them (`a[0]['b']` → `a.0.b`). Empty segments are dropped.
 * R-LINEAR: split and trim only, no backtracking regular expression (0.1's bracket regex took 2.5 s on a field
 * name of 20,000 `[ `); the split stops after {@link MAX_SEGMENTS}, so 100 KB of `[ ` allocates 64 strings,
 * not 50,000.
 */
export function normalizePath(path: string | readonly PropertyKey[] | undefined | null): string {
  if (typeof path !== 'string') return (path ?? []).map(String).join('.');
  const pointer = /^#?\//.test((path = path.trim()));
  // A pointer keeps its leading `/` (an empty segment, dropped); `#` and the JSONPath root `$` / `$.` go.
  return path
    .replace(pointer ? /^#/ : /^\$(\.|$)/, '')
    .split(pointer ? '/' : /[.[\]]/, MAX_SEGMENTS + 1)
    .map((segment) => (pointer ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment.trim().replace(/^['"]|['"]$/g, '')))
    .filter((segment) => segment)
    .join('.');
}

/** JSON:API pointers address the document: `/data/attributes/title` names the field `title`. */
export function jsonApiPointerToPath(pointer: string): string {
  return normalizePath(pointer).replace(/^data(\.\d+)?(\.(attribute|relationship)s)?(\.|$)/, '');
}
