/** One link of an RFC 8288 `Link` header. */
export interface WebLink {
  /** The target, resolved against `base` when one was given and it parses. */
  href: string;
  /** Relation types, lower-cased (`rel="next last"` gives `['next', 'last']`). */
  rel: string[];
  /** The other parameters by lower-cased name (`title`, `type`, `anchor`, …); the first occurrence wins. */
  params: Record<string, string>;
}

// Character classes by code, tested per character: R-LINEAR (one pass, no regex per character).
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
const isBlank = (code: number) => code === 32 || code === 9;
const isSpaceOrComma = (code: number) => code === 44 || isSpace(code);
const isTokenEnd = (code: number) => code === 59 || code === 44 || code === 61 || isSpace(code); // ; , =
const isValueEnd = (code: number) => code === 59 || code === 44 || isSpace(code);

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
  const skip = (test: (code: number) => boolean) => {
    while (i < value.length && test(value.charCodeAt(i))) i++;
  };
  const skipToNextLink = () => {
    let quoted = false;
    for (; i < value.length; i++) {
      const char = value.charAt(i);
      if (quoted && char === '\\') i++;
      else if (char === '"') quoted = !quoted;
      else if (!quoted && char === ',') return;
    }
  };
  while (i < value.length) {
    skip(isSpaceOrComma);
    if (i >= value.length) break;
    if (value.charAt(i) !== '<') {
      skipToNextLink();
      continue;
    }
    const close = value.indexOf('>', i + 1);
    if (close === -1) break;
    const target = value.slice(i + 1, close).trim();
    i = close + 1;
    const params: Record<string, string> = {};
    for (;;) {
      skip(isBlank);
      if (value.charAt(i) !== ';') break;
      i++;
      skip(isBlank);
      const start = i;
      while (i < value.length && !isTokenEnd(value.charCodeAt(i))) i++;
      const name = value.slice(start, i).toLowerCase();
      skip(isBlank);
      let paramValue = '';
      if (value.charAt(i) === '=') {
        i++;
        skip(isBlank);
        if (value.charAt(i) === '"') {
          i++;
          const from = i;
          while (i < value.length && value.charCodeAt(i) !== 34) i += value.charCodeAt(i) === 92 ? 2 : 1;
          const quoted = value.slice(from, Math.min(i, value.length));
          // RFC 9110 quoted-pair: `\x` is `x`. One global replace, linear.
          paramValue = quoted.includes('\\') ? quoted.replace(/\\([\s\S])/g, '$1') : quoted;
          i++;
        } else {
          const valueStart = i;
          while (i < value.length && !isValueEnd(value.charCodeAt(i))) i++;
          paramValue = value.slice(valueStart, i);
        }
      }
      if (name !== '' && !(name in params)) params[name] = name.endsWith('*') ? decodeExtValue(paramValue) : paramValue;
    }
    skipToNextLink();
    let href = resolved.get(target);
    if (href === undefined) resolved.set(target, (href = resolve(target, base)));
    result.push({ href, rel: relations(params.rel), params });
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
  return rel === undefined ? [] : rel.split(/\s+/).filter(Boolean).map((type) => (/^[a-z][a-z\d.-]*$/i.test(type) ? type.toLowerCase() : type));
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
