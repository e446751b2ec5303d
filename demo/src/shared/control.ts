/**
 * The demo API's knobs (`/api/__control`), behind the network panel's buttons. Plain `fetch` on
 * purpose: these calls are the demo's stage machinery, not part of what the panel shows.
 */
export type ValidationDialect = 'problem-json' | 'seed-001' | 'laravel';

export interface DemoSettings {
  validationDialect: ValidationDialect;
  accessTtl: number;
  refreshDelay: number;
  reuseGraceMs: number;
  flaky: boolean;
  malformedWrites: boolean;
}

export interface ControlState {
  settings: DemoSettings;
  stats: { refreshCalls: number; reuseDetected: number; graceReuses: number };
}

export const dialectLabels: Record<ValidationDialect, string> = {
  'problem-json': 'RFC 9457 problem+json',
  'seed-001': 'errors[] with errorCode / parameterName',
  laravel: 'Laravel {message, errors: {field: [..]}}',
};

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`${method} /api/${path} failed with ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const control = {
  state: () => call<ControlState>('GET', '__control'),
  updateSettings: (change: Partial<DemoSettings>) => call<DemoSettings>('PATCH', '__control/settings', change),
  expireTokens: () => call<void>('POST', '__control/expire-tokens'),
  rateLimit: (retryAfter = 3) => call<void>('POST', '__control/rate-limit', { requests: 1, retryAfter }),
};

/**
 * Messages between the demo's tabs (the panel's buttons act on all of them): "refetch what you show"
 * after "Expire session now", "settings changed" after a toggle. The session itself is fetchwise's
 * business and never goes through here.
 */
export type TabSignal = { type: 'refetch' } | { type: 'settings-changed' };

export function tabSignals(onSignal: (signal: TabSignal) => void): { post(signal: TabSignal): void; close(): void } {
  const channel = new BroadcastChannel('fetchwise-demo-tabs');
  channel.onmessage = (event: MessageEvent<TabSignal>) => onSignal(event.data);
  return {
    post(signal) {
      channel.postMessage(signal);
      onSignal(signal); // this tab too
    },
    close: () => channel.close(),
  };
}
