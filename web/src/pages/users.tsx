/**
 * 用户管理 (system administrator only): the accounts, adding one (it must change its password at first
 * sign-in) and disabling or re-enabling one.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Spin, Table, Tag } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { api, ApiError, ROLES, type Account, type Role, type User } from '../api.js';
import { ApiErrorAlert } from '../components/api-error.js';
import { showServerIssues } from '../components/form-problems.js';
import { PageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { colon, formatDateTime } from '../format.js';
import { roleName } from '../i18n.js';
import { useI18n } from '../use-i18n.js';

interface NewUserValues {
  username: string;
  displayName?: string;
  role: Role;
  unit?: string;
  scopes: string[];
  password: string;
}

/** The users screen. */
export function UsersPage({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data, error, reload } = useLoad(() => api.users(), []);
  const [form] = Form.useForm<NewUserValues>();
  const [addError, setAddError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const role = Form.useWatch('role', form);

  const add = async (v: NewUserValues) => {
    setAddError(null);
    setAdded(null);
    setBusy(true);
    try {
      await api.addUser({ username: v.username.trim(), displayName: v.displayName?.trim() || undefined, role: v.role, unit: v.unit?.trim() || null, scopes: v.scopes ?? [], password: v.password });
      setAdded(v.username.trim());
      form.resetFields();
      reload();
    } catch (e) {
      setAddError(e);
      if (e instanceof ApiError) showServerIssues(form, e, ['username', 'role', 'unit', 'scopes', 'password']);
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (a: Account) => {
    try {
      await api.setUserDisabled(a.username, !a.disabled);
      reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  };

  return (
    <div data-testid="users">
      <PageTitle title={t('users')} />
      <Card size="small" title={t('addUser')} style={{ marginBottom: 16 }}>
        <ApiErrorAlert error={addError} onClose={() => setAddError(null)} />
        {added && <Alert type="success" showIcon title={`${added}${colon(lang)}${t('userAdded')}`} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={add} initialValues={{ role: 'editor', scopes: [] }}>
          <Row gutter={12}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('required') }]}>
                <Input autoComplete="off" id="new-username" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="displayName" label={t('displayName')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="role" label={t('role')}>
                <Select options={ROLES.map((r) => ({ value: r, label: roleName(r, lang) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="password" label={t('initialPassword')} rules={[{ required: true, message: t('required') }]} extra={t('passwordPolicy')}>
                <Input.Password autoComplete="new-password" id="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={12}>
              <Form.Item
                name="scopes"
                label={t('scopes')}
                extra={t('scopesHint')}
                rules={[
                  { validator: (_r, v: string[] = []) => (v.every((s) => /^\d{6}$/.test(s)) ? Promise.resolve() : Promise.reject(new Error(t('scopeFormat')))) },
                  { validator: (_r, v: string[] = []) => (['editor', 'clerk', 'reviewer'].includes(role ?? '') && v.length === 0 ? Promise.reject(new Error(t('scopeRequired'))) : Promise.resolve()) },
                ]}
              >
                <Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} suffixIcon={null} placeholder="430902" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={12}>
              <Form.Item name="unit" label={t('leadUnit')} rules={[{ validator: (_r, v?: string) => (role === 'clerk' && !v?.trim() ? Promise.reject(new Error(t('unitRequired'))) : Promise.resolve()) }]}>
                <Input placeholder="区水利局" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={busy}>
            {t('addUser')}
          </Button>
        </Form>
      </Card>
      <Card size="small">
        {error ? (
          <ApiErrorAlert error={error} />
        ) : !data ? (
          <Spin />
        ) : (
          <Table<Account>
            size="small"
            rowKey="id"
            dataSource={data}
            pagination={data.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 'max-content' }}
            data-testid="user-table"
            columns={[
              { title: t('username'), dataIndex: 'username', key: 'username' },
              { title: t('displayName'), dataIndex: 'displayName', key: 'displayName' },
              { title: t('role'), dataIndex: 'role', key: 'role', render: (r: Role) => roleName(r, lang) },
              { title: t('leadUnit'), dataIndex: 'unit', key: 'unit', render: (u: string | null) => u ?? '—' },
              { title: t('scopes'), dataIndex: 'scopes', key: 'scopes', render: (s: string[]) => (s.length ? s.join('、') : '—') },
              {
                title: t('status'),
                key: 'state',
                render: (_v, a) => (
                  <Space size={4} wrap>
                    {a.disabled ? <Tag color="red">{t('disabled')}</Tag> : <Tag color="green">{t('active')}</Tag>}
                    {a.mustChangePassword && <Tag color="orange">{t('mustChange')}</Tag>}
                    {a.lockedUntil && <Tag color="purple">{`${t('lockedUntil')} ${formatDateTime(a.lockedUntil, lang)}`}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('actions'),
                key: 'actions',
                render: (_v, a) =>
                  a.id === user.id ? null : (
                    <Button size="small" danger={!a.disabled} onClick={() => toggle(a)}>
                      {a.disabled ? t('enable') : t('disable')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
