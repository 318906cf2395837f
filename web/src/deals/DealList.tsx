import { useState } from 'react';
import { Badge, Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/AuthContext';
import { can } from '../auth/roles';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatAmount, formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import type { Counterparty, Page } from '../counterparties/types';
import { useLiveRefresh } from '../live/LiveEvents';
import { STATUS_COLORS, type Deal } from './types';

/** The open tasks of a deal (the list does not carry them): who is expected to act now. */
function OpenTasks({ id }: { id: string }) {
  const deal = useApi<Deal>(`/api/deals/${id}`);
  useLiveRefresh(['task.', 'deal.'], deal.reload);
  if (deal.loading && !deal.data) return <Typography.Text type="secondary">…</Typography.Text>;
  const tasks = deal.data?.openTasks ?? [];
  if (tasks.length === 0) return <Typography.Text type="secondary">none</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {tasks.map((t) => (
        <Link key={t.key} to={`/tasks/${t.key}`}>
          <Badge status="processing" /> {t.name ?? t.elementId} <Typography.Text type="secondary">({t.candidateGroups.join(', ')})</Typography.Text>
        </Link>
      ))}
    </Space>
  );
}

/** The trading desk: deals with their stage, value and open tasks. */
export function DealList() {
  const session = useSession();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>();
  const [page, setPage] = useState(0);
  const query = new URLSearchParams({ page: String(page), size: '20' });
  if (status) query.set('status', status);
  const deals = useApi<Page<Deal>>(`/api/deals?${query}`);
  const counterparties = useApi<Page<Counterparty>>('/api/counterparties?size=100');
  useLiveRefresh(['deal.'], deals.reload);
  const names = new Map((counterparties.data?.items ?? []).map((c) => [c.id, c.name]));

  return (
    <section aria-labelledby="desk-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} id="desk-title">
          Trading desk
        </Typography.Title>
        {can(session.roles, 'captureDeal') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/deals/new')}>
            Capture deal
          </Button>
        )}
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label="Status"
          placeholder="Status"
          allowClear
          style={{ width: 180 }}
          onChange={(s?: string) => {
            setStatus(s);
            setPage(0);
          }}
          options={Object.keys(STATUS_COLORS).map((s) => ({ value: s, label: s }))}
        />
      </Space>
      <ProblemAlert error={deals.error} onRetry={deals.reload} />
      <Table<Deal>
        rowKey="id"
        loading={deals.loading}
        dataSource={deals.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="No deal yet" /> }}
        pagination={{
          current: (deals.data?.page ?? 0) + 1,
          pageSize: 20,
          total: deals.data?.totalItems ?? 0,
          hideOnSinglePage: true,
          onChange: (p) => setPage(p - 1),
        }}
        columns={[
          {
            title: 'Deal',
            key: 'deal',
            render: (_, d) => (
              <Link to={`/deals/${d.id}`}>
                {d.direction} {formatAmount(d.quantity.value, null, 0)} {d.quantity.unit} {d.commodity}
              </Link>
            ),
          },
          { title: 'Counterparty', key: 'cp', render: (_, d) => names.get(d.counterpartyId) ?? d.counterpartyName ?? d.counterpartyId.slice(0, 8) },
          { title: 'Status', key: 'status', render: (_, d) => <Tag color={STATUS_COLORS[d.status]}>{d.status}</Tag> },
          { title: 'Stage', dataIndex: 'stage' },
          { title: 'Value', key: 'value', align: 'right', render: (_, d) => formatAmount(d.value.amount, d.value.currency) },
          { title: 'Open tasks', key: 'tasks', render: (_, d) => <OpenTasks id={d.id} /> },
          { title: 'Captured', key: 'captured', render: (_, d) => `${formatDateTime(d.capturedAt)} by ${d.capturedBy}` },
        ]}
      />
    </section>
  );
}
