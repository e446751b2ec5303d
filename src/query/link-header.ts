/** One link of an RFC 8288 `Link` header. */
export interface WebLink {
  /** The target, resolved against `base` when one was given and it parses. */
  href: string;
  /** Relation types, lower-cased (`rel="next last"` gives `['next', 'last']`). */
  rel: string[];
  /** The other parameters by lower-cased name (`title`, `type`, `anchor`, …); the first occurrence wins. */
  params: Record<string, string>;
}

// Sticky patterns for the simple tokens; quoted strings are scanned by hand. R-LINEAR: no pattern can
// backtrack (every alternative starts with a different character, every tail is optional). A pattern for
// `"…\"…"` (a loop over escapes) was linear alone but 20-300× slower on 100 KB values within the test suite.
/** Whitespace and commas between links. */
const separator = /[\t-\r ,]*/y;
/** `; name`, `; name=token` or `; name="` (the quoted string follows): [, name, token or `"`]. */
const param = /[ \t]*;[ \t]*([^;,=\t-\r ]*)[ \t]*(?:=[ \t]*("|[^;,\t-\r ]*))?/y;

/**
 * Parses a `Link` header (RFC 8288 §3): several links, commas and semicolons inside quoted strings and
 * `<…>`, `\` escapes, valueless parameters, several relation types per link, RFC 8187 `title*` values.
 * Malformed links are skipped, never thrown on.
 */
export function parseLinkHeader(value: string | null | undefined, base?: string): WebLink[] {
  const result: WebLink[] = [];
  if (!value) return result;
  // One URL resolution per distinct target: a header repeating one link 20,000 times costs 20,000
  // `new URL` calls otherwise, and those grow superlinear with GC pressure.
  const resolved = new Map<string, string>();
  let i = 0;
  const read = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = i;
    const match = pattern.exec(value);
    if (match) i = pattern.lastIndex;
    return match;
  };
  while ((read(separator), i < value.length)) {
    if (value[i] === '<') {
      const close = value.indexOf('>', i);
      if (close === -1) break;
      const target = value.slice(i + 1, close).trim();
      i = close + 1;
      const params: Record<string, string> = {};
      for (let match; (match = read(param)); ) {
        const name = match[1]!.toLowerCase();
        let text = match[2] ?? '';
        if (text === '"') {
          const from = i;
          while (i < value.length && value.charCodeAt(i) !== 34) i += value.charCodeAt(i) === 92 ? 2 : 1;
          // RFC 9110 quoted-pair: `\x` is `x`. One global replace, linear. An unterminated string runs to the end.
          text = value.slice(from, i++).replace(/\\([\s\S])/g, '$1');
        }
        if (name !== '' && !(name in params)) params[name] = name.endsWith('*') ? decodeExtValue(text) : text;
      }
      let href = resolved.get(target);
      if (href === undefined) resolved.set(target, (href = resolve(target, base)));
      result.push({ href, rel: relations(params.rel), params });
    }
    // On to the next comma outside a quoted string.
    for (let quoted = false; i < value.length && (quoted || value[i] !== ','); i++) {
      if (value[i] === '"') quoted = !quoted;
      else if (quoted && value[i] === '\\') i++;
    }
  }
  return result;
}

/** The target of the first link with relation `rel` whose context is the resource itself (no `anchor`). */
export function findLink(links: readonly WebLink[], rel: string): string | undefined {
  const wanted = rel.toLowerCase();
  return links.find((candidate) => candidate.params.anchor === undefined && candidate.rel.includes(wanted))?.href;
}

function relations(rel: string | undefined): string[] {
  // Registered types compare case-insensitively; extension types are URIs and keep their case (RFC 8288 §2.1).
  return (rel?.match(/\S+/g) ?? []).map((type) => (/^[a-z][a-z\d.-]*$/i.test(type) ? type.toLowerCase() : type));
}

function resolve(target: string, base: string | undefined): string {
  if (base === undefined) return target;
  try {
    return new URL(target, base).href;
  } catch {
    return target;
  }
}

// RFC 8187: charset'language'percent-encoded
function decodeExtValue(value: string): string {
  const match = /^([\w!#$%&+^`{}~-]+)'[\w-]*'(.*)$/.exec(value);
  if (!match || match[1]?.toLowerCase() !== 'utf-8') return value;
  try {
    return decodeURIComponent(match[2] ?? '');
  } catch {
    return value;
  }
}
