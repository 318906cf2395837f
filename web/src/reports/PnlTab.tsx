import { useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Form, Row, Segmented, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatAmount } from '../common/format';
import { useApi } from '../common/useApi';
import type { Counterparty, Page } from '../counterparties/types';
import { ReportDownloads } from './ReportDownloads';
import { CounterpartyLink, DealLink } from './ReportLinks';
import { dateText, ReportFilters } from './ReportFilters';
import { pnlBars, pnlLineRows, reportPath, shortId, type PnlLineRow } from './reportData';
import type { PnlLine, PnlReport, PnlRow } from './types';

const PATH = '/api/reports/pnl';
const METALS = ['Cu', 'Zn', 'Pb', 'Ni', 'Al', 'Sn', 'Co', 'Mo', 'Au', 'Ag', 'Pt', 'Pd'];

interface PnlFilters {
  asOf?: Dayjs | null;
  from?: Dayjs | null;
  metal?: string;
  counterparty?: string;
}

interface PnlQuery {
  asOf?: string;
  from?: string;
  metal?: string;
  counterparty?: string;
}

/** A signed USD figure, red below zero. */
function Money({ value, currency }: { value: PnlRow['total']; currency?: string }) {
  const negative = Number(value) < 0;
  return <Typography.Text type={negative ? 'danger' : undefined}>{formatAmount(value, currency)}</Typography.Text>;
}

const LINE_COLUMNS = [
  { title: 'Source', key: 'source', render: (_: unknown, l: PnlLine) => <Tag>{l.source.toLowerCase()}</Tag> },
  { title: 'State', key: 'state', render: (_: unknown, l: PnlLine) => <Tag color={l.state === 'REALISED' ? 'green' : 'gold'}>{l.state.toLowerCase()}</Tag> },
  { title: 'Direction', dataIndex: 'direction' },
  { title: 'Quantity t', key: 'q', align: 'right' as const, render: (_: unknown, l: PnlLine) => formatAmount(l.quantityTonnes, null, 4) },
  { title: 'Entry USD/t', key: 'entry', align: 'right' as const, render: (_: unknown, l: PnlLine) => formatAmount(l.entryPrice) },
  { title: 'Exit USD/t', key: 'exit', align: 'right' as const, render: (_: unknown, l: PnlLine) => formatAmount(l.exitPrice) },
  { title: 'Exit price of', key: 'exitOf', render: (_: unknown, l: PnlLine) => `${l.exitPriceDate ?? '—'} · ${l.exitPriceSource ?? '—'}` },
  { title: 'P&L USD', key: 'amount', align: 'right' as const, render: (_: unknown, l: PnlLine) => <Money value={l.amountUsd} /> },
  { title: 'How', dataIndex: 'explanation' },
];

/** Total P&L by deal: realised and unrealised stacked (positive up, negative down from zero). */
function PnlChart({ report }: { report: PnlReport }) {
  const bars = useMemo(() => pnlBars(report.rows), [report]);
  if (bars.length === 0) return null;
  return (
    <div
      style={{ width: '100%', height: Math.max(220, bars.length * 34 + 80) }}
      data-testid="pnl-chart"
      role="img"
      aria-label={`Realised and unrealised P&L of ${bars.length} deals in ${report.currency}`}
    >
      <ResponsiveContainer>
        <BarChart data={bars} layout="vertical" stackOffset="sign" maxBarSize={28} margin={{ top: 8, right: 40, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => formatAmount(v, null, 0)} />
          <YAxis type="category" dataKey="label" width={110} />
          <Tooltip
            formatter={(value) => formatAmount(Number(value), report.currency)}
            labelFormatter={(label, payload) => `${String(label)} ${payload?.[0]?.payload?.counterparty ?? ''}`}
          />
          <Legend />
          <ReferenceLine x={0} stroke="#595959" />
          <Bar dataKey="realised" stackId="pnl" name="realised" fill="#8c5a2b" isAnimationActive={false} />
          <Bar dataKey="unrealised" stackId="pnl" name="unrealised" fill="#d9a066" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function Summary({ report }: { report: PnlReport }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Row gutter={[16, 16]} data-testid="pnl-summary">
        <Col xs={12} lg={6}>
          <Statistic title={`Realised (${report.from ?? 'inception'} – ${report.asOf})`} value={formatAmount(report.realised, report.currency)} />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic title={`Unrealised (marked ${report.asOf})`} value={formatAmount(report.unrealised, report.currency)} />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic title="Total" value={formatAmount(report.total, report.currency)} />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic title="Deals" value={report.rows.length} />
        </Col>
      </Row>
      {report.totals.length > 0 && (
        <Table
          size="small"
          rowKey="metal"
          pagination={false}
          dataSource={report.totals}
          aria-label="P&L per metal"
          columns={[
            { title: 'Metal', dataIndex: 'metal' },
            { title: 'Deals', dataIndex: 'deals', align: 'right' },
            { title: 'Realised', key: 'r', align: 'right', render: (_, t) => <Money value={t.realised} /> },
            { title: 'Unrealised', key: 'u', align: 'right', render: (_, t) => <Money value={t.unrealised} /> },
            { title: 'Total', key: 't', align: 'right', render: (_, t) => <Money value={t.total} /> },
          ]}
        />
      )}
    </Space>
  );
}

function Issues({ report }: { report: PnlReport }) {
  if (report.issues.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 16 }}
      title={`${report.issues.length} figure(s) could not be priced and are not in the totals`}
      description={
        <Table
          size="small"
          rowKey={(i) => `${i.dealId ?? ''}-${i.hedgeId ?? ''}-${i.field}`}
          pagination={false}
          dataSource={report.issues}
          scroll={{ x: 600 }}
          data-testid="pnl-issues"
          columns={[
            { title: 'Deal', key: 'deal', render: (_, i) => <DealLink id={i.dealId} /> },
            { title: 'Hedge', key: 'hedge', render: (_, i) => (i.hedgeId ? shortId(i.hedgeId) : '—') },
            { title: 'Field', dataIndex: 'field' },
            { title: 'Reason', dataIndex: 'reason' },
          ]}
        />
      }
    />
  );
}

function DealsTable({ report, loading }: { report: PnlReport; loading: boolean }) {
  return (
    <Table<PnlRow>
      size="small"
      rowKey="dealId"
      loading={loading}
      dataSource={report.rows}
      pagination={{ pageSize: 25, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      data-testid="pnl-deals"
      expandable={{
        expandedRowRender: (r) => <Table<PnlLine> size="small" rowKey={(l) => `${l.source}-${l.state}-${l.reference}-${l.exitPriceDate}`} pagination={false} dataSource={r.lines} columns={LINE_COLUMNS} scroll={{ x: 1000 }} />,
        rowExpandable: (r) => r.lines.length > 0,
      }}
      columns={[
        { title: 'Deal', key: 'deal', render: (_, r) => <DealLink id={r.dealId} /> },
        { title: 'Counterparty', key: 'cp', render: (_, r) => <CounterpartyLink id={r.counterpartyId} name={r.counterpartyName} /> },
        { title: 'Metal', dataIndex: 'metal' },
        { title: 'Direction', dataIndex: 'direction' },
        { title: 'Status', dataIndex: 'status' },
        { title: 'Realised', key: 'r', align: 'right', render: (_, r) => <Money value={r.realised} /> },
        { title: 'Unrealised', key: 'u', align: 'right', render: (_, r) => <Money value={r.unrealised} /> },
        { title: 'Total', key: 't', align: 'right', render: (_, r) => <Money value={r.total} currency={r.currency} /> },
        { title: 'Final invoiced', key: 'fi', align: 'right', render: (_, r) => formatAmount(r.finalInvoiced, r.invoiceCurrency) },
        { title: 'Paid', key: 'pm', align: 'right', render: (_, r) => formatAmount(r.paymentsMatched, r.invoiceCurrency) },
      ]}
    />
  );
}

function LinesTable({ report, loading }: { report: PnlReport; loading: boolean }) {
  const lines = useMemo(() => pnlLineRows(report.rows), [report]);
  return (
    <Table<PnlLineRow>
      size="small"
      rowKey="key"
      loading={loading}
      dataSource={lines}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 1200 }}
      data-testid="pnl-lines"
      columns={[{ title: 'Deal', key: 'deal', render: (_: unknown, l: PnlLineRow) => <DealLink id={l.dealId} /> }, ...LINE_COLUMNS]}
    />
  );
}

/** Realised and unrealised P&L by deal (GET /api/reports/pnl). */
export function PnlTab() {
  const [query, setQuery] = useState<PnlQuery>({});
  const [view, setView] = useState<'deals' | 'lines'>('deals');
  const report = useApi<PnlReport>(reportPath(PATH, { ...query }));
  const counterparties = useApi<Page<Counterparty>>('/api/counterparties?size=100');
  const data = report.data;
  return (
    <Card
      title="Realised and unrealised P&L by deal"
      extra={<ReportDownloads title="P&L" path={PATH} params={{ ...query, view }} fileName={`pnl-${view}`} />}
    >
      <ReportFilters<PnlFilters>
        name="pnl-filters"
        onApply={(v) => setQuery({ asOf: dateText(v.asOf), from: dateText(v.from), metal: v.metal, counterparty: v.counterparty })}
      >
        <Form.Item label="As of" name="asOf">
          <DatePicker placeholder="today" />
        </Form.Item>
        <Form.Item label="Realised from" name="from">
          <DatePicker placeholder="inception" />
        </Form.Item>
        <Form.Item label="Metal" name="metal">
          <Select allowClear placeholder="all" style={{ width: 100 }} options={METALS.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item label="Counterparty" name="counterparty">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="all"
            style={{ width: 220 }}
            loading={counterparties.loading}
            options={(counterparties.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </ReportFilters>
      <ProblemAlert error={report.error} onRetry={report.reload} />
      {report.loading && !data && <Skeleton active />}
      {data && data.rows.length === 0 && data.issues.length === 0 && (
        <Empty description={`No deal with a P&L as of ${data.asOf}${query.metal || query.counterparty ? ' for these filters' : ''}`} />
      )}
      {data && (data.rows.length > 0 || data.issues.length > 0) && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Summary report={data} />
          <PnlChart report={data} />
          <Segmented
            aria-label="Table view"
            options={[
              { label: 'By deal', value: 'deals' },
              { label: 'Every line', value: 'lines' },
            ]}
            value={view}
            onChange={(v) => setView(v as 'deals' | 'lines')}
          />
          {view === 'deals' ? <DealsTable report={data} loading={report.loading} /> : <LinesTable report={data} loading={report.loading} />}
          <Issues report={data} />
          <Typography.Text type="secondary">
            P&L = sign x quantity x (exit price − entry price), per line, in {data.currency}; marks from the {data.market} series.
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
