import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Progress, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { useSession } from '../auth/AuthContext';
import { can } from '../auth/roles';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatAmount, formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import { useLiveRefresh } from '../live/LiveEvents';
import type { UserTask } from '../tasks/types';
import { ScreeningResult } from './ScreeningResult';
import { KYC_COLORS, SCREENING_COLORS, type Counterparty, type Credit, type Kyc, type Screening } from './types';

function CreditCard({ id }: { id: string }) {
  const credit = useApi<Credit>(`/api/counterparties/${id}/credit`);
  useLiveRefresh(['credit.'], credit.reload);
  const c = credit.data;
  return (
    <Card title="Credit" loading={credit.loading && !c}>
      <ProblemAlert error={credit.error} onRetry={credit.reload} />
      {c && c.limit == null && <Empty description="No credit limit: open account trades need one" />}
      {c && c.limit != null && (
        <>
          <Progress
            percent={Math.min(100, Math.round(Number(c.utilisationShare ?? 0) * 100))}
            status={Number(c.utilisationShare ?? 0) >= 1 ? 'exception' : 'normal'}
            aria-label="credit utilisation"
          />
          <Descriptions column={1} size="small">
            <Descriptions.Item label="Limit">{formatAmount(c.limit, c.currency)}</Descriptions.Item>
            <Descriptions.Item label="Effective limit">{formatAmount(c.effectiveLimit, c.currency)}</Descriptions.Item>
            <Descriptions.Item label="Open invoices">{formatAmount(c.openInvoices, c.currency)}</Descriptions.Item>
            <Descriptions.Item label="Reserved for deals">{formatAmount(c.reserved, c.currency)}</Descriptions.Item>
            <Descriptions.Item label="Headroom">
              <Typography.Text strong data-testid="credit-headroom">
                {formatAmount(c.headroom, c.currency)}
              </Typography.Text>
            </Descriptions.Item>
            {c.expiry && <Descriptions.Item label="Expires">{c.expiry}</Descriptions.Item>}
          </Descriptions>
          {c.lines.length > 0 && (
            <Table
              size="small"
              rowKey={(l) => `${l.kind}-${l.ref}`}
              dataSource={c.lines}
              pagination={false}
              columns={[
                { title: 'Line', dataIndex: 'kind' },
                { title: 'Reference', dataIndex: 'ref' },
                { title: 'Counted', key: 'counted', align: 'right', render: (_, l) => formatAmount(l.counted, c.currency) },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}

function ScreeningCard({ counterparty }: { counterparty: Counterparty }) {
  const [screening, setScreening] = useState<Screening>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setScreening(
        await api<Screening>('/api/compliance/screenings', {
          body: { name: counterparty.name, type: counterparty.type, country: counterparty.country },
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title="Sanctions screening"
      extra={
        <Button onClick={run} loading={busy}>
          Screen now
        </Button>
      }
    >
      <ProblemAlert error={error} />
      {busy && <Skeleton active paragraph={{ rows: 2 }} />}
      {!busy && screening && <ScreeningResult screening={screening} />}
      {!busy && !screening && (
        <Typography.Text type="secondary">Screens the name against the loaded sanctions lists, with the matched entries and their scores.</Typography.Text>
      )}
    </Card>
  );
}

/** One counterparty: KYC status and the decisions its onboarding recorded, credit, screening, open tasks. */
export function CounterpartyPage() {
  const { id } = useParams();
  const session = useSession();
  const counterparty = useApi<Counterparty>(`/api/counterparties/${id}`);
  const kyc = useApi<Kyc>(`/api/counterparties/${id}/kyc`);
  const instance = counterparty.data?.onboardingProcessInstanceKey;
  const tasks = useApi<UserTask[]>(instance ? `/api/tasks?processInstanceKey=${instance}` : null);
  useLiveRefresh(['task.', 'counterparty.'], () => {
    counterparty.reload();
    kyc.reload();
    tasks.reload();
  });

  if (counterparty.loading && !counterparty.data) return <Skeleton active />;
  if (!counterparty.data) return <ProblemAlert error={counterparty.error} onRetry={counterparty.reload} />;
  const c = counterparty.data;
  const screeningDecision = kyc.data?.latestScreeningDecision;

  return (
    <section aria-labelledby="cp-name">
      <div>
        <Link to="/counterparties">← Counterparties</Link>
      </div>
      <Space wrap align="center" style={{ marginTop: 8 }}>
        <Typography.Title level={3} id="cp-name" style={{ margin: 0 }}>
          {c.name}
        </Typography.Title>
        <Tag color={KYC_COLORS[c.kycStatus]} data-testid="kyc-status">
          {c.kycStatus}
        </Tag>
      </Space>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title="Counterparty">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="Type">{c.type}</Descriptions.Item>
              <Descriptions.Item label="Country">{c.country}</Descriptions.Item>
              <Descriptions.Item label="Beneficial owners">{c.ultimateBeneficialOwners.join(', ') || '—'}</Descriptions.Item>
              <Descriptions.Item label="Ownership disclosed">{c.ownershipDisclosed ? 'yes' : 'no'}</Descriptions.Item>
              <Descriptions.Item label="Risk rating">{c.riskRating ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Next review">{c.nextReviewDate ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Created">
                {formatDateTime(c.createdAt)} by {c.createdBy}
              </Descriptions.Item>
              {instance && (
                <Descriptions.Item label="Onboarding">
                  {can(session.roles, 'replay') ? <Link to={`/replay/${instance}`}>replay instance {instance}</Link> : instance}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="KYC decisions" loading={kyc.loading && !kyc.data}>
            <ProblemAlert error={kyc.error} onRetry={kyc.reload} />
            {screeningDecision && (
              <Space style={{ marginBottom: 12 }}>
                Latest screening <Tag color={SCREENING_COLORS[screeningDecision] ?? 'default'}>{screeningDecision}</Tag>
              </Space>
            )}
            {kyc.data && kyc.data.history.length === 0 && <Empty description="Nothing recorded yet: onboarding in progress" />}
            {kyc.data && kyc.data.history.length > 0 && (
              <Timeline
                items={kyc.data.history.map((h) => ({
                  color: h.kycStatus === 'APPROVED' ? 'green' : h.kycStatus === 'REJECTED' ? 'red' : 'blue',
                  content: (
                    <span>
                      <Tag color={KYC_COLORS[h.kycStatus]}>{h.kycStatus}</Tag>
                      {h.riskRating && <>rating {h.riskRating}, </>}
                      {h.screeningDecision && <>screening {h.screeningDecision}, </>}
                      at {h.elementId} — {formatDateTime(h.recordedAt)}
                    </span>
                  ),
                }))}
              />
            )}
            {tasks.data && tasks.data.length > 0 && (
              <>
                <Typography.Title level={5}>Open tasks</Typography.Title>
                <ul>
                  {tasks.data.map((t) => (
                    <li key={String(t.key)}>
                      <Link to={`/tasks/${t.key}`}>{t.name ?? t.elementId}</Link> ({t.candidateGroups.join(', ')})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <CreditCard id={c.id} />
        </Col>
        {can(session.roles, 'screen') && (
          <Col xs={24} lg={12}>
            <ScreeningCard counterparty={c} />
          </Col>
        )}
      </Row>
    </section>
  );
}
