import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthProvider, useAuth } from './AuthContext';
import { SignIn } from './SignIn';

function Probe() {
  const { session } = useAuth();
  return <output aria-label="session">{session ? `${session.username}:${session.roles.join(',')}` : 'none'}</output>;
}

const token = (claims: object) => `x.${btoa(JSON.stringify(claims))}.y`;

describe('sign-in', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('shows the problem the server answers for wrong credentials', async () => {
    const fetch = vi.fn().mockResolvedValue(
      new Response(JSON.stringify({ status: 401, title: 'Bad credentials', detail: 'Unknown user or wrong password.' }), {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    vi.stubGlobal('fetch', fetch);
    render(
      <AuthProvider>
        <SignIn />
      </AuthProvider>,
    );
    await userEvent.type(screen.getByLabelText('Username'), 'trader');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Unknown user or wrong password.')).toBeInTheDocument();
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({ username: 'trader', password: 'wrong' });
  });

  it('keeps the session the token describes', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify({ access_token: token({ sub: 'risk', roles: ['risk'], exp: 4_000_000_000 }), token_type: 'Bearer', expires_in: 3600 }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
    render(
      <AuthProvider>
        <SignIn />
        <Probe />
      </AuthProvider>,
    );
    await userEvent.type(screen.getByLabelText('Username'), 'risk');
    await userEvent.type(screen.getByLabelText('Password'), 'risk');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByLabelText('session')).toHaveTextContent('risk:risk'));
    // the session is stored by an effect, which may run after the render that shows it
    await waitFor(() => expect(sessionStorage.getItem('openmineral.session')).toContain('"username":"risk"'));
  });
});
