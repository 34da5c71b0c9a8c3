// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { api, type User } from '../api.js';
import { homeRoute } from '../app.js';
import { fakeServer, renderInApp } from '../test-render.js';
import { LoginPage } from './login.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const USER: User = { id: 4, username: 'editor', role: 'editor', unit: null, scopes: ['430602'], mustChangePassword: false };

describe('signing in', () => {
  it('shows the server’s refusal and signs in with the right password', async () => {
    // The server's messages (src/services/accounts.ts): 用户名或密码错误 on a wrong password.
    const server = fakeServer((_m, _u, body) => {
      const b = body as { password: string };
      return b.password === 'Str0ng!Passw0rd' ? [200, { user: USER, csrfToken: 'csrf-1' }] : [401, { error: { code: 'unauthenticated', message: '用户名或密码错误', messageEn: 'Wrong username or password' } }];
    });
    vi.stubGlobal('fetch', server.fetch);
    const signedIn = vi.fn();
    renderInApp(<LoginPage onSignedIn={signedIn} />);
    fireEvent.change(document.getElementById('login-username') as HTMLElement, { target: { value: 'editor' } });
    fireEvent.change(document.getElementById('login-password') as HTMLElement, { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    expect(signedIn).not.toHaveBeenCalled();

    fireEvent.change(document.getElementById('login-password') as HTMLElement, { target: { value: 'Str0ng!Passw0rd' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(signedIn).toHaveBeenCalledWith(USER));
    expect(api.csrfToken()).toBe('csrf-1');
    expect(server.calls.map((c) => [c.method, c.url])).toEqual([
      ['POST', '/api/v1/auth/login'],
      ['POST', '/api/v1/auth/login'],
    ]);
  });

  it('asks for both fields before calling the server', async () => {
    const server = fakeServer(() => [500, {}]);
    vi.stubGlobal('fetch', server.fetch);
    renderInApp(<LoginPage onSignedIn={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect((await screen.findAllByText('此项为必填项')).length).toBe(2);
    expect(server.calls).toHaveLength(0);
  });
});

describe('the home of each role', () => {
  const plans = [
    { region: { code: '430602', name: '岳阳楼区', fullName: '岳阳市岳阳楼区', city: { code: '430600', name: '岳阳市' } }, title: '', period: { start: 2021, end: 2025, baseline: 2020, midterm: 2023 } },
    { region: { code: '430902', name: '资阳区', fullName: '益阳市资阳区', city: { code: '430900', name: '益阳市' } }, title: '', period: { start: 2021, end: 2025, baseline: 2020, midterm: 2023 } },
  ];
  it('sends the administrator to the accounts, the auditor to the log, the others to a region', () => {
    expect(homeRoute({ role: 'admin' }, [], null)).toEqual({ name: 'users' });
    expect(homeRoute({ role: 'auditor' }, [], null)).toEqual({ name: 'audit' });
    expect(homeRoute({ role: 'editor' }, plans, null)).toEqual({ name: 'overview', region: '430602' });
    expect(homeRoute({ role: 'editor' }, plans, '430902')).toEqual({ name: 'overview', region: '430902' });
    expect(homeRoute({ role: 'reviewer' }, plans, '999999')).toEqual({ name: 'overview', region: '430602' });
    expect(homeRoute({ role: 'clerk' }, [], null).name).toBe('notFound');
  });
});
