import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useAuth } from './AuthContext';
import { DEMO_USERS } from './roles';
import { ProblemAlert } from '../common/ProblemAlert';

interface Credentials {
  username: string;
  password: string;
}

/** The login of the application's own issuer; in embedded mode a demo user per role. */
export function SignIn() {
  const { signIn } = useAuth();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Title level={2} style={{ marginBottom: 0 }}>
              OpenMineral
            </Typography.Title>
            <Typography.Text type="secondary">Sign in to the trading platform</Typography.Text>
          </div>
          <ProblemAlert error={error} title="Sign-in failed" />
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} aria-label="Sign in">
            <Form.Item label="Username" name="username" rules={[{ required: true, message: 'Enter your username' }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="Password" name="password" rules={[{ required: true, message: 'Enter your password' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              Sign in
            </Button>
          </Form>
          <div>
            <Typography.Text type="secondary" id="demo-label">
              Embedded mode: demo user (password = name)
            </Typography.Text>
            <Select
              aria-labelledby="demo-label"
              placeholder="Pick a demo user"
              style={{ width: '100%', marginTop: 4 }}
              options={DEMO_USERS.map((u) => ({ value: u, label: u }))}
              onChange={(user: string) => form.setFieldsValue({ username: user, password: user })}
            />
          </div>
        </Space>
      </Card>
    </main>
  );
}
