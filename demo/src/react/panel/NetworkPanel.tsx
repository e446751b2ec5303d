import { useSyncExternalStore } from 'react';
import { plannedEnd } from '../../shared/network-log.ts';
import { network } from '../demo.ts';
import { formatMs } from './format.ts';
import { useNow } from '../hooks.ts';
import { PanelControls } from './PanelControls.tsx';
import { RequestRow } from './RequestRow.tsx';
import { SessionLane } from './SessionLane.tsx';

/**
 * A picture of what fetchwise did: every request of this tab with its status, time and a waterfall
 * of its attempts and waits, plus the session events of all tabs. Fed by `client.subscribe` and
 * `client.auth.subscribe` (see `shared/network-log.ts`).
 */
export function NetworkPanel() {
  const { requests, sessions } = useSyncExternalStore(network.subscribe, network.getSnapshot);
  const now = useNow(requests.some((entry) => entry.state === 'pending'));
  // One time scale for all bars, so a request that waited 3 s for a rate limit looks 3 s long.
  const scale = Math.max(1_000, ...requests.map((entry) => plannedEnd(entry, now) - entry.start));
  return (
    <aside className="panel" aria-label="Network panel" data-testid="network-panel">
      <div className="panel-head">
        <h2>Network</h2>
        <span className="count">
          {requests.length} {requests.length === 1 ? 'request' : 'requests'} in this tab
        </span>
        <button type="button" className="quiet" onClick={network.clear}>
          Clear
        </button>
      </div>
      <PanelControls />
      <SessionLane sessions={sessions} />
      <div className="requests" role="table" aria-label="Requests">
        <div className="request head" role="row">
          <span role="columnheader">Method</span>
          <span role="columnheader">URL</span>
          <span role="columnheader">Status</span>
          <span role="columnheader">Time</span>
          <span role="columnheader">Waterfall (0 – {formatMs(scale)})</span>
        </div>
        {requests.length === 0 && <p className="empty">No requests yet.</p>}
        {requests.map((entry) => (
          <RequestRow key={entry.id} entry={entry} now={now} scale={scale} />
        ))}
      </div>
      <Legend />
    </aside>
  );
}

function Legend() {
  return (
    <p className="legend">
      <i className="seg attempt" /> attempt <i className="seg failed-attempt" /> failed attempt <i className="seg retry-wait" /> waiting to retry{' '}
      <i className="seg refresh-wait" /> waiting for a fresh token
    </p>
  );
}
