import { signOut } from '../shared/client.ts';
import { pageLinks, type Route } from '../shared/route.ts';
import { api } from './demo.ts';
import { useSignedIn, useTokenTail } from './hooks.ts';

export function Header({ route }: { route: Route }) {
  const signedIn = useSignedIn();
  const tokenTail = useTokenTail();
  return (
    <header className="app-header">
      <h1>
        fetchwise <span>demo</span>
      </h1>
      <nav aria-label="Framework pages">
        {pageLinks(route).map(({ framework, href }) => (
          <a key={framework} href={href} aria-current={framework === 'React' ? 'page' : undefined}>
            {framework}
          </a>
        ))}
      </nav>
      {signedIn && (
        <p className="who" data-session="signed-in">
          ada@example.com · token <code>…{tokenTail}</code>{' '}
          <button type="button" className="quiet" onClick={() => void signOut(api)}>
            Sign out
          </button>
        </p>
      )}
    </header>
  );
}
