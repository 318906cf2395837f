import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Form, Row, Segmented, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatAmount } from '../common/format';
import { useApi } from '../common/useApi';
import { ReportDownloads } from './ReportDownloads';
import { CounterpartyLink, DealLink } from './ReportLinks';
import { dateText, ReportFilters } from './ReportFilters';
import { AGEING_BUCKETS, ageingBars, ageingCurrencies, ageingSummary, reportPath, shortId } from './reportData';
import type { AgeingReport, AgeingRow } from './types';

const PATH = '/api/reports/invoice-ageing';
const SIDE_COLORS = { RECEIVABLE: '#389e0d', PAYABLE: '#cf1322', UNKNOWN: '#8c8c8c' } as const;
const BUCKET_COLORS: Record<string, string> = { '0-30': 'green', '31-60': 'gold', '61-90': 'orange', '90+': 'red' };

/** Invoice ageing (GET /api/reports/invoice-ageing): outstanding per age bucket and side. */
export function AgeingTab() {
  const [asOf, setAsOf] = useState<string>();
  const [chosenCurrency, setCurrency] = useState<string>();
  const report = useApi<AgeingReport>(reportPath(PATH, { asOf }));
  const data = report.data;
  const currencies = useMemo(() => ageingCurrencies(data?.totals ?? []), [data]);
  const currency = chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : (currencies.includes('USD') ? 'USD' : currencies[0]);
  const bars = useMemo(() => (currency ? ageingBars(data?.totals ?? [], currency) : []), [data, currency]);
  const summary = useMemo(() => ageingSummary(data?.totals ?? []), [data]);
  return (
    <Card title="Invoice ageing" extra={<ReportDownloads title="invoice ageing" path={PATH} params={{ asOf }} fileName="invoice-ageing" />}>
      <ReportFilters<{ asOf?: Dayjs | null }> name="ageing-filters" onApply={(v) => setAsOf(dateText(v.asOf))}>
        <Form.Item label="As of" name="asOf">
          <DatePicker placeholder="today" />
        </Form.Item>
      </ReportFilters>
      <ProblemAlert error={report.error} onRetry={report.reload} />
      {report.loading && !data && <Skeleton active />}
      {data && data.rows.length === 0 && <Empty description={`No invoice outstanding as of ${data.asOf}`} />}
      {data && data.rows.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Row gutter={[16, 16]}>
            {summary.map((s) => (
              <Col xs={12} lg={6} key={`${s.side}-${s.currency}`}>
                <Statistic title={`${s.side.toLowerCase()} (${s.invoices} invoices)`} value={formatAmount(s.outstanding, s.currency)} />
              </Col>
            ))}
          </Row>
          {currencies.length > 1 && (
            <Segmented aria-label="Currency" options={currencies} value={currency} onChange={(v) => setCurrency(String(v))} />
          )}
          <div
            style={{ width: '100%', height: 280 }}
            data-testid="ageing-chart"
            role="img"
            aria-label={`Outstanding ${currency} per age bucket (${AGEING_BUCKETS.join(', ')} days), receivable and payable`}
          >
            <ResponsiveContainer>
              <BarChart data={bars} stackOffset="sign" maxBarSize={80} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="bucket" />
                <YAxis width={90} tickFormatter={(v: number) => formatAmount(v, null, 0)} />
                <Tooltip formatter={(value) => formatAmount(Number(value), currency)} labelFormatter={(label) => `${String(label)} days`} />
                <Legend />
                <Bar dataKey="RECEIVABLE" stackId="side" name="receivable" fill={SIDE_COLORS.RECEIVABLE} isAnimationActive={false} />
                <Bar dataKey="PAYABLE" stackId="side" name="payable" fill={SIDE_COLORS.PAYABLE} isAnimationActive={false} />
                <Bar dataKey="UNKNOWN" stackId="side" name="no deal" fill={SIDE_COLORS.UNKNOWN} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table<AgeingRow>
            size="small"
            rowKey="invoiceId"
            loading={report.loading}
            dataSource={data.rows}
            pagination={{ pageSize: 25, hideOnSinglePage: true }}
            scroll={{ x: 1000 }}
            data-testid="ageing-rows"
            columns={[
              { title: 'Invoice', key: 'inv', render: (_, r) => <span title={r.invoiceId}>{shortId(r.invoiceId)}</span> },
              { title: 'Deal', key: 'deal', render: (_, r) => <DealLink id={r.dealId} /> },
              { title: 'Counterparty', key: 'cp', render: (_, r) => <CounterpartyLink id={r.counterpartyId} name={r.counterpartyName} /> },
              { title: 'Kind', dataIndex: 'kind' },
              { title: 'Side', dataIndex: 'side' },
              { title: 'Issued', dataIndex: 'issuedOn' },
              { title: 'Age (days)', dataIndex: 'ageDays', align: 'right' },
              { title: 'Bucket', key: 'bucket', render: (_, r) => <Tag color={BUCKET_COLORS[r.bucket]}>{r.bucket}</Tag> },
              { title: 'Balance', key: 'bal', align: 'right', render: (_, r) => formatAmount(r.balance, r.currency) },
              { title: 'Paid', key: 'paid', align: 'right', render: (_, r) => formatAmount(r.paid, r.currency) },
              { title: 'Outstanding', key: 'out', align: 'right', render: (_, r) => formatAmount(r.outstanding, r.currency) },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
