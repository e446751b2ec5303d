import type { SessionEntry } from '../../shared/network-log.ts';
import { useTokenTail } from '../hooks.ts';

const labels: Record<SessionEntry['type'], string> = {
  'signed-in': 'signed in',
  refreshed: 'token refreshed',
  'signed-out': 'signed out',
  expired: 'session expired',
};

/** Session events from `client.auth.subscribe`: this tab's, and those other tabs announced. */
export function SessionLane({ sessions }: { sessions: readonly SessionEntry[] }) {
  const tokenTail = useTokenTail();
  return (
    <div className="sessions" aria-label="Session events">
      <h3>
        Session (all tabs){' '}
        <span className="now">
          · now {tokenTail ? <>signed in, token <code>…{tokenTail}</code></> : 'signed out'}
        </span>
      </h3>
      {sessions.length === 0 ? (
        <p className="empty">No session events yet.</p>
      ) : (
        <ol>
          {sessions.map((entry, index) => (
            <li key={sessions.length - index} className={`session ${entry.type} ${entry.source}`} data-session-event={entry.type} data-source={entry.source}>
              <b>{labels[entry.type]}</b> {entry.source === 'this-tab' ? 'in this tab' : 'in another tab'}
              <span className="muted">
                {' '}
                · {entry.clock}
                {entry.tokenTail && (
                  <>
                    {' '}
                    · token <code>…{entry.tokenTail}</code>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
