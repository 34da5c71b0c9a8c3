/**
 * Sign-in screen. A session cookie (HttpOnly) is set by the server; the CSRF token comes back in the answer.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, type User } from '../api.js';
import type { Lang, MessageKey } from '../i18n.js';
import { useI18n } from '../use-i18n.js';
import { ApiErrorAlert } from '../components/api-error.js';

/** Props of LoginPage. */
export interface LoginPageProps {
  notice?: MessageKey;
  onSignedIn: (user: User) => void;
}

/** The sign-in form. */
export function LoginPage({ notice, onSignedIn }: LoginPageProps) {
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(v.username.trim(), v.password));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="eco-login">
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <img src="/favicon.svg" alt="" width={24} height={24} style={{ verticalAlign: -4, marginInlineEnd: 8 }} />
              {t('appName')}
            </Typography.Title>
            <Segmented
              size="small"
              value={lang}
              options={[
                { value: 'zh', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
              onChange={(v) => setLang(v as Lang)}
              data-testid="lang-switch"
            />
          </div>
          <Typography.Text type="secondary">{t('signInTitle')}</Typography.Text>
          {notice && <Alert type="info" showIcon title={t(notice)} />}
          <ApiErrorAlert error={error} />
          <Form layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('required') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('signIn')}
            </Button>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('signInHint')}
          </Typography.Text>
        </Space>
      </Card>
    </div>
  );
}
