// Bundlers replace `process.env.NODE_ENV` with "production" in app builds, which makes the warnings dead code.
// Unbundled or in a dev server, `process` may not exist: then we are not in a production build.
declare const process: { env: { NODE_ENV?: string } };
const isDevelopment = (): boolean => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
};

/**
 * Development warnings, each said once per key (e.g. origin and topic) and per client: the state lives
 * with the client, so a test's fresh client starts with nothing said (no module-level set that would
 * make the next test's assertion vacuous). Silent in production builds.
 */
export class DevWarnings {
  readonly #said = new Set<string>();

  /** Warns with `message()` unless `key` was already warned about; `message` is only built when it is said. */
  once(key: string, message: () => string): void {
    if (!isDevelopment() || this.#said.has(key)) return;
    this.#said.add(key);
    console.warn(message());
  }
}

/** The page's origin, or `undefined` outside a browser page (Node, a worker without `location`). */
export function pageOrigin(): string | undefined {
  return (globalThis as { location?: { origin?: string } }).location?.origin;
}

/** `url`'s origin when it differs from the page's (a cross-origin request); `undefined` otherwise. */
export function crossOrigin(url: string): string | undefined {
  const page = pageOrigin();
  if (page === undefined) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === page ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** `url`'s origin, or the url itself when it does not parse. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
