const warned = new Set<string>();

// Bundlers replace `process.env.NODE_ENV` with "production" in app builds, which makes this code dead.
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
 * In development, warns once per origin and header when a cross-origin response shows no `ETag` or
 * `Location`: the browser hides response headers the server does not list in `Access-Control-Expose-Headers`.
 * Silent in production builds (`process.env.NODE_ENV === 'production'`).
 */
export function warnHiddenHeader(header: 'ETag' | 'Location', url: string): void {
  if (!isDevelopment()) return;
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (page === undefined) return;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return;
  }
  if (origin === page || warned.has(`${origin} ${header}`)) return;
  warned.add(`${origin} ${header}`);
  console.warn(
    `fetchwise: responses from ${origin} show no ${header} header to JavaScript. If the API sends one, ` +
      `add "Access-Control-Expose-Headers: ${header}" to its CORS responses, or ${header === 'ETag' ? 'refetches cannot be answered with 304' : 'created resources cannot be located'}.`,
  );
}
