import { ContactEditor } from './ContactEditor.tsx';
import { ContactPages } from './ContactPages.tsx';
import { ContactsPage } from './ContactsPage.tsx';
import { Header } from './Header.tsx';
import { useRoute, useSignedIn } from './hooks.ts';
import { LoginForm } from './LoginForm.tsx';
import { NewContact } from './NewContact.tsx';
import { NetworkPanel } from './panel/NetworkPanel.tsx';

export function App() {
  const route = useRoute();
  const signedIn = useSignedIn();
  return (
    <div className="layout">
      <main className="app">
        <Header route={route} />
        {!signedIn ? (
          <LoginForm />
        ) : route.page === 'contact' ? (
          <ContactEditor key={route.id} id={route.id} />
        ) : route.page === 'new' ? (
          <NewContact />
        ) : route.page === 'pages' ? (
          <ContactPages />
        ) : (
          <ContactsPage />
        )}
      </main>
      <NetworkPanel />
    </div>
  );
}
