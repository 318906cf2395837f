import { useState } from 'react';
import { Button, Checkbox, Drawer, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { useSession } from '../auth/AuthContext';
import { can } from '../auth/roles';
import { ProblemAlert } from '../common/ProblemAlert';
import { formFieldErrors } from '../common/formErrors';
import { formatAmount } from '../common/format';
import { useApi } from '../common/useApi';
import { useLiveRefresh } from '../live/LiveEvents';
import { KYC_COLORS, type Counterparty, type Page } from './types';

interface NewCounterparty {
  name: string;
  type: string;
  country: string;
  ultimateBeneficialOwners?: string;
  ownershipDisclosed?: boolean;
  creditLimit?: { amount?: number; currency?: string };
}

const FIELDS = ['name', 'type', 'country', 'ultimateBeneficialOwners', 'ownershipDisclosed', 'creditLimit'];

/** The body of POST /api/counterparties from the form: owners one per line, no empty credit limit. */
export function createRequest(values: NewCounterparty): Record<string, unknown> {
  const owners = (values.ultimateBeneficialOwners ?? '')
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
  const body: Record<string, unknown> = {
    name: values.name,
    type: values.type,
    country: values.country,
    ultimateBeneficialOwners: owners,
    ownershipDisclosed: !!values.ownershipDisclosed,
  };
  if (values.creditLimit?.amount != null) {
    body.creditLimit = { amount: values.creditLimit.amount, currency: values.creditLimit.currency ?? 'USD' };
  }
  return body;
}

function CreateCounterparty({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NewCounterparty>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const navigate = useNavigate();
  // one key per form opening, so a retried request does not onboard the counterparty twice
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());

  const submit = async (values: NewCounterparty) => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<Counterparty>('/api/counterparties', {
        body: createRequest(values),
        headers: { 'Idempotency-Key': requestId },
      });
      message.success(`${created.name} created: onboarding started`);
      form.resetFields();
      setRequestId(crypto.randomUUID());
      onClose();
      navigate(`/counterparties/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        const { fields, other } = formFieldErrors(e.problem, FIELDS);
        form.setFields(fields as never);
        if (fields.length === 0 || other.length > 0) setError(e);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer title="New counterparty" open={open} onClose={onClose} size="large" destroyOnHidden>
      <ProblemAlert error={error} title="Not created" />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'ENTITY', creditLimit: { currency: 'USD' } }}>
        <Form.Item label="Name" name="name" rules={[{ required: true, message: 'The legal name is needed' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="Type" name="type" rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={['ENTITY', 'INDIVIDUAL', 'VESSEL'].map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item label="Country (ISO 3166-1 alpha-2)" name="country" rules={[{ required: true, message: 'e.g. CL, PE, CH' }]}>
            <Input maxLength={2} style={{ width: 120, textTransform: 'uppercase' }} />
          </Form.Item>
        </Space>
        <Form.Item label="Ultimate beneficial owners (one per line)" name="ultimateBeneficialOwners">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="ownershipDisclosed" valuePropName="checked">
          <Checkbox>Ownership disclosed</Checkbox>
        </Form.Item>
        <Space wrap>
          <Form.Item label="Credit limit" name={['creditLimit', 'amount']}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="Currency" name={['creditLimit', 'currency']}>
            <Input maxLength={3} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          Create and start onboarding
        </Button>
      </Form>
    </Drawer>
  );
}

/** Counterparties with their KYC status; create one (which starts its onboarding). */
export function CounterpartyList() {
  const session = useSession();
  const [filters, setFilters] = useState({ name: '', status: '', page: 0 });
  const [creating, setCreating] = useState(false);
  const query = new URLSearchParams({ page: String(filters.page), size: '20' });
  if (filters.name) query.set('name', filters.name);
  if (filters.status) query.set('status', filters.status);
  const list = useApi<Page<Counterparty>>(`/api/counterparties?${query}`);
  useLiveRefresh(['counterparty.', 'task.completed'], list.reload);

  return (
    <section aria-labelledby="cp-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} id="cp-title">
          Counterparties
        </Typography.Title>
        {can(session.roles, 'createCounterparty') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            New counterparty
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="Search by name"
          placeholder="Name"
          allowClear
          onSearch={(name) => setFilters({ ...filters, name, page: 0 })}
          style={{ width: 240 }}
        />
        <Select
          aria-label="KYC status"
          placeholder="KYC status"
          allowClear
          style={{ width: 180 }}
          onChange={(status?: string) => setFilters({ ...filters, status: status ?? '', page: 0 })}
          options={Object.keys(KYC_COLORS).map((s) => ({ value: s, label: s }))}
        />
      </Space>
      <ProblemAlert error={list.error} onRetry={list.reload} />
      <Table<Counterparty>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description="No counterparty matches" /> }}
        pagination={{
          current: (list.data?.page ?? 0) + 1,
          pageSize: 20,
          total: list.data?.totalItems ?? 0,
          hideOnSinglePage: true,
          onChange: (page) => setFilters({ ...filters, page: page - 1 }),
        }}
        columns={[
          { title: 'Name', key: 'name', render: (_, c) => <Link to={`/counterparties/${c.id}`}>{c.name}</Link> },
          { title: 'Type', dataIndex: 'type' },
          { title: 'Country', dataIndex: 'country' },
          { title: 'KYC', key: 'kyc', render: (_, c) => <Tag color={KYC_COLORS[c.kycStatus]}>{c.kycStatus}</Tag> },
          { title: 'Risk rating', key: 'rating', render: (_, c) => c.riskRating ?? '—' },
          {
            title: 'Credit limit',
            key: 'limit',
            align: 'right',
            render: (_, c) => (c.creditLimit ? formatAmount(c.creditLimit.amount, c.creditLimit.currency, 0) : '—'),
          },
        ]}
      />
      <CreateCounterparty open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
