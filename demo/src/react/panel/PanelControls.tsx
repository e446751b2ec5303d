import { useQuery } from '@tanstack/react-query';
import { control, dialectLabels, type ControlState, type DemoSettings, type ValidationDialect } from '../../shared/control.ts';
import { queryClient, refetchShown, signals } from '../demo.ts';

const lifetimes = [5, 20, 60, 300];

/** The panel's buttons: they change how the demo API behaves (for every tab) and show the result. */
export function PanelControls() {
  const { data } = useQuery({ queryKey: ['demo-control'], queryFn: control.state });
  const settings = data?.settings;
  const change = async (patch: Partial<DemoSettings>, refetch = false) => {
    // Shown at once; the server's answer (and other tabs, via the signal) follow.
    queryClient.setQueryData<ControlState>(['demo-control'], (old) => old && { ...old, settings: { ...old.settings, ...patch } });
    await control.updateSettings(patch);
    signals.post({ type: 'settings-changed' });
    if (refetch) await refetchShown();
  };
  return (
    <div className="controls">
      <div className="buttons">
        <button
          type="button"
          title="Every access token stops working now; all tabs refetch: one refreshes, the others reuse its token"
          onClick={async () => {
            await control.expireTokens();
            signals.post({ type: 'refetch' });
          }}
        >
          Expire session now
        </button>
        <button type="button" onClick={() => window.open(location.href, '_blank')}>
          Open another tab
        </button>
        <button
          type="button"
          aria-pressed={settings?.flaky ?? false}
          data-flaky={settings?.flaky ? 'on' : 'off'}
          title="Two of every three contacts requests answer 503; fetchwise retries with backoff"
          onClick={() => void change({ flaky: !settings?.flaky }, !settings?.flaky)}
        >
          Flaky 503: {settings?.flaky ? 'on' : 'off'}
        </button>
        <button
          type="button"
          title="The next contacts request answers 429 with Retry-After: 3"
          onClick={async () => {
            await control.rateLimit(3);
            await refetchShown();
          }}
        >
          Trigger a rate limit
        </button>
      </div>
      {settings && (
        <div className="settings">
          <label>
            422 format{' '}
            <select
              name="validationDialect"
              value={settings.validationDialect}
              onChange={(event) => void change({ validationDialect: event.target.value as ValidationDialect })}
            >
              {Object.entries(dialectLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Token lifetime{' '}
            <select name="accessTtl" value={settings.accessTtl} onChange={(event) => void change({ accessTtl: Number(event.target.value) })}>
              {[...new Set([...lifetimes, settings.accessTtl])].map((seconds) => (
                <option key={seconds} value={seconds}>
                  {seconds < 60 ? `${seconds} s` : `${seconds / 60} min`}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              name="malformedWrites"
              checked={settings.malformedWrites}
              onChange={(event) => void change({ malformedWrites: event.target.checked })}
            />{' '}
            Malformed PATCH answers
          </label>
        </div>
      )}
    </div>
  );
}
