/**
 * Rendering helpers of the component tests: the app's providers (language, Ant Design locale) around a
 * component, and a fake fetch that answers API calls from a table and records them.
 */
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { makeI18n, type Lang } from './i18n.js';
import { I18nContext } from './use-i18n.js';

/** Renders a component as the app would, in a language. */
export function renderInApp(ui: ReactElement, lang: Lang = 'zh') {
  return render(
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>
        <AntApp>{ui}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>,
  );
}

/** A recorded request. */
export interface FakeCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake fetch: `answer(method, url, body)` returns [status, body]; every call is recorded. */
export function fakeServer(answer: (method: string, url: string, body: unknown) => [number, unknown]) {
  const calls: FakeCall[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, url, headers: (init?.headers ?? {}) as Record<string, string>, body });
    const [status, json] = answer(method, url, body);
    return new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { calls, fetch };
}
