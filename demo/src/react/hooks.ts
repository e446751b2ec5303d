import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { parseRoute, type Route } from '../shared/route.ts';
import { api, session } from './demo.ts';

const onHashChange = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(onHashChange, () => location.hash));
}

export function useSignedIn(): boolean {
  return useSyncExternalStore(session.subscribe, session.signedIn);
}

/** The access token's last characters, to watch it change when a tab refreshes. */
export function useTokenTail(): string | undefined {
  return useSyncExternalStore(session.subscribe, () => api.auth.getAccessToken()?.slice(-6));
}

/** `performance.now()`, re-read every 200 ms while `active` (pending requests, countdowns). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    setNow(performance.now());
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * Counts the component's commits into `data-renders` on `ref`'s element (and its visible badge):
 * the 304 story shows that a revalidation answered by 304 renders nothing.
 */
export function useRenderCount(ref: RefObject<HTMLElement | null>): void {
  const count = useRef(0);
  useEffect(() => {
    count.current += 1;
    const element = ref.current;
    if (!element) return;
    element.dataset['renders'] = String(count.current);
    const badge = element.querySelector('[data-render-badge]');
    if (badge) badge.textContent = `rendered ${count.current}×`;
  });
}
