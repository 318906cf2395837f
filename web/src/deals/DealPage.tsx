import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Skeleton, Space, Table, Tag, Timeline, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { describe } from '../api/problem';
import { useSession } from '../auth/AuthContext';
import { can } from '../auth/roles';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatAmount, formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import type { Counterparty } from '../counterparties/types';
import { useLiveRefresh } from '../live/LiveEvents';
import { DueTag } from '../tasks/TaskInbox';
import { DealAmendment } from './DealAmendment';
import { DealDocuments } from './DealDocuments';
import { DealEvents } from './DealEvents';
import { STATUS_COLORS, type Deal } from './types';

interface Invoice {
  id: string;
  kind: string;
  amount: number | string;
  balance: number | string;
  currency: string;
  createdAt: string;
  paid?: number | string;
}

interface Hedge {
  id: string;
  metal: string;
  exchange: string;
  contract: string;
  lots: number;
  lotSize: number | string;
  direction: string;
  status: string;
  bookedAt: string;
}

function activityText(action: string, detail: Record<string, unknown> | null): string {
  if (!detail) return action;
  const parts = Object.entries(detail)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v}`);
  return parts.length ? `${action}: ${parts.join(', ')}` : action;
}

function Ledger({ deal }: { deal: Deal }) {
  const invoices = useApi<Invoice[]>(`/api/invoices?dealId=${deal.id}`);
  const hedges = useApi<Hedge[]>(`/api/hedges?dealId=${deal.id}`);
  useLiveRefresh(['deal.', 'task.'], () => {
    invoices.reload();
    hedges.reload();
  });
  return (
    <>
      <Card title="Invoices" style={{ marginBottom: 16 }}>
        <ProblemAlert error={invoices.error} onRetry={invoices.reload} />
        <Table<Invoice>
          size="small"
          rowKey="id"
          loading={invoices.loading}
          dataSource={invoices.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description="No invoice yet: the provisional invoice follows the bill of lading" /> }}
          columns={[
            { title: 'Kind', dataIndex: 'kind' },
            { title: 'Amount', key: 'amount', align: 'right', render: (_, i) => formatAmount(i.amount, i.currency) },
            { title: 'Balance due', key: 'balance', align: 'right', render: (_, i) => formatAmount(i.balance, i.currency) },
            { title: 'Paid', key: 'paid', align: 'right', render: (_, i) => formatAmount(i.paid ?? 0, i.currency) },
            { title: 'Booked', key: 'at', render: (_, i) => formatDateTime(i.createdAt) },
          ]}
        />
      </Card>
      <Card title="Hedges">
        <ProblemAlert error={hedges.error} onRetry={hedges.reload} />
        <Table<Hedge>
          size="small"
          rowKey="id"
          loading={hedges.loading}
          dataSource={hedges.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description="No hedge yet: hedging starts once the contract is cleared" /> }}
          columns={[
            { title: 'Side', dataIndex: 'direction' },
            { title: 'Lots', dataIndex: 'lots', align: 'right' },
            { title: 'Contract', key: 'contract', render: (_, h) => `${h.exchange} ${h.contract}` },
            { title: 'Status', dataIndex: 'status' },
            { title: 'Booked', key: 'at', render: (_, h) => formatDateTime(h.bookedAt) },
          ]}
        />
      </Card>
    </>
  );
}

/** One deal: terms, stage, who must act now, timeline of what happened, invoices and hedges. */
export function DealPage() {
  const { id } = useParams();
  const session = useSession();
  const deal = useApi<Deal>(`/api/deals/${id}`);
  const counterparty = useApi<Counterparty>(deal.data ? `/api/counterparties/${deal.data.counterpartyId}` : null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useLiveRefresh(['deal.', 'task.'], deal.reload);

  if (deal.loading && !deal.data) return <Skeleton active />;
  if (!deal.data) return <ProblemAlert error={deal.error} onRetry={deal.reload} />;
  const d = deal.data;
  const open = !['CLOSED', 'CANCELLED', 'REJECTED', 'CANCELLING'].includes(d.status);

  const cancel = async () => {
    setBusy(true);
    try {
      await api(`/api/deals/${d.id}/cancel`, { method: 'POST', body: reason ? { reason } : {}, headers: { 'If-Match': `"${d.version}"` } });
      message.success('Cancellation sent to the process');
      setCancelling(false);
      deal.reload();
    } catch (e) {
      message.error(describe(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="deal-title">
      <div>
        <Link to="/deals">← Trading desk</Link>
      </div>
      <Space wrap align="center" style={{ marginTop: 8 }}>
        <Typography.Title level={3} id="deal-title" style={{ margin: 0 }}>
          {d.direction} {formatAmount(d.quantity.value, null, 0)} {d.quantity.unit} {d.commodity}
        </Typography.Title>
        <Tag color={STATUS_COLORS[d.status]} data-testid="deal-status">
          {d.status}
        </Tag>
        <Tag data-testid="deal-stage">{d.stage}</Tag>
        {open && can(session.roles, 'changeDeal') && <DealAmendment deal={d} onChanged={deal.reload} />}
        {open && can(session.roles, 'changeDeal') && (
          <Button danger onClick={() => setCancelling(true)}>
            Cancel deal
          </Button>
        )}
      </Space>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title="Terms">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="Counterparty">
                <Link to={`/counterparties/${d.counterpartyId}`}>{counterparty.data?.name ?? d.counterpartyId}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="Value">{formatAmount(d.value.amount, d.value.currency)}</Descriptions.Item>
              <Descriptions.Item label="Metal and assays">
                {d.metal}: {Object.entries(d.assays).map(([el, a]) => `${el} ${a.value} ${a.unit}`).join(', ')}
              </Descriptions.Item>
              <Descriptions.Item label="Moisture">{d.moisturePct ?? '—'} %</Descriptions.Item>
              <Descriptions.Item label="Pricing">
                {String(d.pricing.basis)} {d.pricing.qpStart ? `${d.pricing.qpStart} – ${d.pricing.qpEnd}` : String(d.pricing.fixedOn ?? '')}
              </Descriptions.Item>
              <Descriptions.Item label="Provisional invoice">{String(d.provisionalPct)} %</Descriptions.Item>
              <Descriptions.Item label="Desk">{d.desk ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Captured">
                {formatDateTime(d.capturedAt)} by {d.capturedBy}
              </Descriptions.Item>
              {d.amendedBy.length > 0 && <Descriptions.Item label="Amended by">{d.amendedBy.join(', ')}</Descriptions.Item>}
              {d.cancelReason && <Descriptions.Item label="Cancelled">{d.cancelReason}</Descriptions.Item>}
              {d.processInstanceKey && (
                <Descriptions.Item label="Process">
                  {can(session.roles, 'replay') ? <Link to={`/replay/${d.processInstanceKey}`}>replay {d.processInstanceKey}</Link> : d.processInstanceKey}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Open tasks" style={{ marginBottom: 16 }}>
            {d.openTasks.length === 0 ? (
              <Typography.Text type="secondary">Nobody needs to act now.</Typography.Text>
            ) : (
              <Space orientation="vertical" data-testid="deal-open-tasks">
                {d.openTasks.map((t) => (
                  <Space key={t.key} wrap>
                    <Link to={`/tasks/${t.key}`}>{t.name ?? t.elementId}</Link>
                    {t.candidateGroups.map((g) => (
                      <Tag key={g}>{g}</Tag>
                    ))}
                    {t.assignee && <Tag color="blue">{t.assignee}</Tag>}
                    <DueTag dueDate={t.dueDate} />
                  </Space>
                ))}
              </Space>
            )}
          </Card>
          <Card title="Timeline">
            {d.activity.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={d.activity.map((a) => ({
                  color: a.action.includes('FOUR_EYES') ? 'red' : a.action === 'CAPTURED' ? 'blue' : 'green',
                  content: (
                    <span>
                      <Typography.Text type="secondary">{formatDateTime(a.at)}</Typography.Text> {a.actor}: {activityText(a.action, a.detail)}
                    </span>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        {open && d.processInstanceKey && can(session.roles, 'reportDealEvent') && (
          <Col span={24}>
            <DealEvents deal={d} onReported={deal.reload} />
          </Col>
        )}
        <Col span={24}>
          <DealDocuments dealId={d.id} />
          <Ledger deal={d} />
        </Col>
      </Row>
      <Modal
        title="Cancel the deal"
        open={cancelling}
        onOk={cancel}
        okText="Cancel the deal"
        okButtonProps={{ danger: true, loading: busy }}
        onCancel={() => setCancelling(false)}
      >
        <Typography.Paragraph>Every stage stops, hedging and settlement included, and the credit reservation is released.</Typography.Paragraph>
        <Input.TextArea aria-label="Reason" placeholder="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </section>
  );
}
