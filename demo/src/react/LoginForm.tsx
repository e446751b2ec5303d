import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { demoCredentials, signIn } from '../shared/client.ts';
import { describeError } from '../shared/error-view.ts';
import { FormErrors } from './ContactForm.tsx';
import { api, session } from './demo.ts';

const fields = ['username', 'password'] as const;

/** Sign-in. Its errors (seed 001 bodies: 400 with `parameterName`, 401 `OAU-140`) render like the contact form's. */
export function LoginForm() {
  const [value, setValue] = useState<Record<(typeof fields)[number], string>>(demoCredentials);
  const login = useMutation({ mutationFn: () => signIn(api, value.username, value.password) });
  const error = describeError(login.error, fields);
  const ended = session.ended();
  return (
    <section className="login">
      <h2>Sign in</h2>
      {ended === 'expired' && !error && (
        <p className="notice" data-session-ended>
          Your session expired (the refresh token was refused). Sign in again.
        </p>
      )}
      <form
        noValidate
        data-status={login.isPending ? 'saving' : error ? 'invalid' : 'ready'}
        onSubmit={(event) => {
          event.preventDefault();
          login.mutate();
        }}
      >
        {error && <FormErrors error={error} />}
        {fields.map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`login-${name}`}>{name === 'username' ? 'Email' : 'Password'}</label>
            <input
              id={`login-${name}`}
              name={name}
              type={name === 'password' ? 'password' : 'email'}
              autoComplete={name === 'password' ? 'current-password' : 'username'}
              value={value[name]}
              aria-invalid={error?.fields[name] ? true : undefined}
              onChange={(event) => setValue({ ...value, [name]: event.target.value })}
            />
            {error?.fields[name] && (
              <p className="field-error" data-field-error={name}>
                {error.fields[name].join(' ')}
              </p>
            )}
          </div>
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={login.isPending}>
            Sign in
          </button>
          <span className="muted">
            {demoCredentials.username} / {demoCredentials.password}
          </span>
        </div>
      </form>
    </section>
  );
}
