/**
 * Changing one's password: forced at the first sign-in of an account an administrator created, or chosen
 * from the user menu. The server ends the session afterwards, so the user signs in again.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { api, type User } from '../api.js';
import { useI18n } from '../use-i18n.js';
import { ApiErrorAlert } from '../components/api-error.js';

/** Props of ChangePasswordPage. */
export interface ChangePasswordPageProps {
  user: User;
  /** A first sign-in: shown full-page and cannot be skipped (only signing out). */
  forced: boolean;
  onDone: () => void;
  onCancel?: () => void;
  onSignOut?: () => void;
}

interface Values {
  current: string;
  next: string;
  again: string;
}

/** The password change form (full page when forced, a dialog otherwise). */
export function ChangePasswordPage({ user, forced, onDone, onCancel, onSignOut }: ChangePasswordPageProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(v.current, v.next);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const body = (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('passwordPolicy')}</Typography.Paragraph>
      <ApiErrorAlert error={error} />
      <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
      <Form.Item name="current" label={t('currentPassword')} rules={[{ required: true, message: t('required') }]}>
        <Input.Password autoComplete="current-password" id="pw-current" />
      </Form.Item>
      <Form.Item name="next" label={t('newPassword')} rules={[{ required: true, message: t('required') }]}>
        <Input.Password autoComplete="new-password" id="pw-next" />
      </Form.Item>
      <Form.Item
        name="again"
        label={t('newPasswordAgain')}
        dependencies={['next']}
        rules={[
          { required: true, message: t('required') },
          ({ getFieldValue }) => ({
            validator: (_r, value: string) => (!value || getFieldValue('next') === value ? Promise.resolve() : Promise.reject(new Error(t('passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" id="pw-again" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('changePassword')}
        </Button>
        {forced ? <Button onClick={onSignOut}>{t('signOut')}</Button> : <Button onClick={onCancel}>{t('cancel')}</Button>}
      </Space>
    </Form>
  );

  if (!forced) {
    return (
      <Modal open title={t('changePassword')} footer={null} onCancel={onCancel} destroyOnHidden>
        {body}
      </Modal>
    );
  }
  return (
    <div className="eco-login">
      <Card style={{ width: 440, maxWidth: '100%' }} title={t('mustChangeTitle')}>
        <Alert type="warning" showIcon title={t('mustChangeHint')} style={{ marginBottom: 16 }} />
        {body}
      </Card>
    </div>
  );
}
