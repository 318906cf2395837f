import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Row, Segmented, Select, Space, Statistic, Table, Tabs, Typography, Upload, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../api/client';
import { ApiError, problemOf } from '../api/problem';
import { loadSession } from '../auth/session';
import { useSession } from '../auth/AuthContext';
import { can } from '../auth/roles';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatAmount, formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import { useLiveRefresh } from '../live/LiveEvents';
import type { Counterparty, Credit, Page } from '../counterparties/types';
import { headroomBars, pricePoints, seriesLabel, windowStart } from './chartData';
import type { Fixing, ImportRecord, PreDeal, Series } from './types';

const WINDOWS = [
  { label: '1 y', value: 1 },
  { label: '5 y', value: 5 },
  { label: '20 y', value: 20 },
  { label: 'all', value: 0 },
];

function PriceHistory({ series }: { series: Series[] }) {
  const [code, setCode] = useState<string>();
  const [years, setYears] = useState(5);
  const selected = series.find((s) => s.code === code) ?? series[0];
  const from = windowStart(selected?.last ?? null, years === 0 ? null : years);
  const prices = useApi<{ prices: Fixing[] }>(
    selected ? `/api/market-data/series/${encodeURIComponent(selected.code)}/prices${from ? `?from=${from}` : ''}` : null,
  );
  const points = useMemo(() => pricePoints(prices.data?.prices ?? []), [prices.data]);
  if (series.length === 0) return <Empty description="No price series yet: risk imports them (World Bank workbook or CSV)" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="Price series"
          style={{ minWidth: 320 }}
          value={selected?.code}
          onChange={setCode}
          options={series.map((s) => ({ value: s.code, label: seriesLabel(s) }))}
        />
        <Segmented aria-label="Window" options={WINDOWS} value={years} onChange={(v) => setYears(Number(v))} />
      </Space>
      <ProblemAlert error={prices.error} onRetry={prices.reload} />
      <div style={{ width: '100%', height: 320 }} data-testid="price-chart" aria-label={`Price history of ${selected?.id}`} role="img">
        <ResponsiveContainer>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" minTickGap={40} />
            <YAxis domain={['auto', 'auto']} width={80} />
            <Tooltip />
            <Line type="monotone" dataKey="value" name={selected?.unit} stroke="#8c5a2b" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {selected && (
        <Typography.Text type="secondary">
          {selected.count} prices from {selected.first} to {selected.last}. {selected.attribution ?? selected.publisher ?? ''}
        </Typography.Text>
      )}
    </Space>
  );
}

function Imports({ onImported }: { onImported: () => void }) {
  const session = useSession();
  const imports = useApi<ImportRecord[]>('/api/market-data/imports?limit=10');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const upload = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = new FormData();
      body.append('file', file);
      const response = await fetch('/api/market-data/imports', {
        method: 'POST',
        headers: { Authorization: `Bearer ${loadSession()?.token ?? ''}` },
        body,
      });
      if (!response.ok) throw new ApiError(await problemOf(response));
      const record = (await response.json()) as ImportRecord;
      message.success(`${record.status}: ${record.rowsInserted} prices added, ${record.rowsRejected} rejected`);
      imports.reload();
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title="Imports"
      extra={
        can(session.roles, 'importPrices') && (
          <Upload
            accept=".csv,.xlsx,.json"
            showUploadList={false}
            beforeUpload={(file) => {
              upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {busy ? 'Importing…' : 'Import prices'}
            </Button>
          </Upload>
        )
      }
    >
      <ProblemAlert error={error} title="Import failed" />
      <ProblemAlert error={imports.error} onRetry={imports.reload} />
      <Table<ImportRecord>
        size="small"
        rowKey="id"
        loading={imports.loading}
        dataSource={imports.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: <Empty description="Nothing imported yet" /> }}
        columns={[
          { title: 'Source', dataIndex: 'source', ellipsis: true },
          { title: 'Status', dataIndex: 'status' },
          { title: 'Added', dataIndex: 'rowsInserted', align: 'right' },
          { title: 'Rejected', dataIndex: 'rowsRejected', align: 'right' },
          { title: 'Flagged', dataIndex: 'rowsFlagged', align: 'right' },
          { title: 'When', key: 'when', render: (_, r) => `${formatDateTime(r.startedAt)} by ${r.startedBy}` },
        ]}
      />
    </Card>
  );
}

interface PreDealForm {
  metal: string;
  qpFirst: string;
  qpLast: string;
  wetTonnes: number;
  moisturePct: number;
  grade: number;
  payablePct: number;
  tc: number;
}

/** The body of POST /api/market-data/pre-deal-analysis for a simple one-metal concentrate lot. */
export function preDealRequest(v: PreDealForm) {
  return {
    metal: v.metal,
    qpFirst: v.qpFirst,
    qpLast: v.qpLast || v.qpFirst,
    valuation: {
      wetTonnes: v.wetTonnes,
      moisturePct: v.moisturePct,
      assays: { [v.metal]: { value: v.grade, unit: 'PCT' } },
      payables: [{ element: v.metal, payablePct: v.payablePct, minDeductionUnits: 1.0 }],
      treatmentCharge: { usdPerDmt: v.tc },
    },
  };
}

function nextMonth(): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + 2, 1);
  return d.toISOString().slice(0, 7);
}

function PreDealRisk() {
  const [form] = Form.useForm<PreDealForm>();
  const [result, setResult] = useState<PreDeal>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (values: PreDealForm) => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api<PreDeal>('/api/market-data/pre-deal-analysis', { body: preDealRequest(values) }));
    } catch (e) {
      setError(e);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };
  const band = (result?.forecast.months ?? []).map((m) => ({
    month: m.month,
    point: Number(m.point),
    range: [Number(m.lower), Number(m.upper)],
  }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card title="Proposed lot">
          <Form
            form={form}
            layout="vertical"
            onFinish={run}
            initialValues={{ metal: 'Cu', qpFirst: nextMonth(), qpLast: nextMonth(), wetTonnes: 10000, moisturePct: 8, grade: 25, payablePct: 96.5, tc: 80 }}
          >
            <Form.Item label="Metal" name="metal">
              <Select options={['Cu', 'Zn', 'Pb', 'Ni', 'Al', 'Sn'].map((m) => ({ value: m, label: m }))} />
            </Form.Item>
            <Space wrap>
              <Form.Item label="QP first month" name="qpFirst" rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: 'YYYY-MM' }]}>
                <Input style={{ width: 120 }} />
              </Form.Item>
              <Form.Item label="QP last month" name="qpLast" rules={[{ pattern: /^\d{4}-\d{2}$/, message: 'YYYY-MM' }]}>
                <Input style={{ width: 120 }} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item label="Wet tonnes" name="wetTonnes">
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item label="Moisture %" name="moisturePct">
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item label="Grade %" name="grade">
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item label="Payable %" name="payablePct">
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item label="TC USD/dmt" name="tc">
                <InputNumber min={0} />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              Analyse
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <ProblemAlert error={error} title="No analysis" />
        {!result && !error && <Empty description="Price risk of a proposed deal: trend, volatility, forecast band over the QP and NSR sensitivity" />}
        {result && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={`Last (${result.trend.lastMonth})`} value={formatAmount(result.trend.lastPrice)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="12-month change" value={`${result.trend.change12mPct} %`} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="Annualised volatility" value={`${(Number(result.volatility.annualised) * 100).toFixed(1)} %`} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={`QP band (${result.qpBand.first}–${result.qpBand.last})`} value={`${formatAmount(result.qpBand.lower, null, 0)}–${formatAmount(result.qpBand.upper, null, 0)}`} />
              </Col>
            </Row>
            <div style={{ width: '100%', height: 260 }} role="img" aria-label="Forecast band">
              <ResponsiveContainer>
                <ComposedChart data={band} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis domain={['auto', 'auto']} width={80} />
                  <Tooltip />
                  <Legend />
                  <Area dataKey="range" name={`${Math.round(Number(result.forecast.coverage) * 100)} % interval`} fill="#d9a066" stroke="none" isAnimationActive={false} />
                  <Line dataKey="point" name="forecast" stroke="#8c5a2b" dot={false} isAnimationActive={false} />
                </ComposedChart>
              </ResponsiveContainer>
            </div>
            <Table
              size="small"
              rowKey={(s) => String(s.movePct)}
              dataSource={result.sensitivities}
              pagination={false}
              columns={[
                { title: 'Price move', key: 'move', render: (_, s) => `${s.movePct} %` },
                { title: 'Price', key: 'price', align: 'right', render: (_, s) => formatAmount(s.price) },
                { title: 'NSR USD/dmt', key: 'nsr', align: 'right', render: (_, s) => formatAmount(s.nsrPerDmt) },
                { title: 'NSR change', key: 'chg', align: 'right', render: (_, s) => formatAmount(s.nsrChangePerDmt) },
                { title: 'Lot value USD', key: 'lot', align: 'right', render: (_, s) => formatAmount(s.lotValue) },
              ]}
            />
            {result.attribution && <Typography.Text type="secondary">{result.attribution}</Typography.Text>}
          </Space>
        )}
      </Col>
    </Row>
  );
}

function CreditHeadroom() {
  const list = useApi<Page<Counterparty>>('/api/counterparties?size=50');
  const [credits, setCredits] = useState<(Credit & { name: string })[]>();
  const [error, setError] = useState<unknown>();
  useLiveRefresh(['credit.', 'counterparty.'], list.reload);
  useEffect(() => {
    const withLimit = (list.data?.items ?? []).filter((c) => c.creditLimit != null).slice(0, 20);
    Promise.all(withLimit.map((c) => api<Credit>(`/api/counterparties/${c.id}/credit`).then((credit) => ({ ...credit, name: c.name }))))
      .then(setCredits)
      .catch(setError);
  }, [list.data]);
  const bars = headroomBars(credits ?? []);
  return (
    <Card title="Credit headroom by counterparty" loading={list.loading && !list.data}>
      <ProblemAlert error={list.error ?? error} onRetry={list.reload} />
      {credits && bars.length === 0 && <Empty description="No counterparty with a credit limit" />}
      {bars.length > 0 && (
        <div style={{ width: '100%', height: Math.max(160, bars.length * 36 + 60) }} role="img" aria-label="Credit used and free per counterparty">
          <ResponsiveContainer>
            <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" />
              <YAxis type="category" dataKey="name" width={180} />
              <Tooltip />
              <Legend />
              <Bar dataKey="used" stackId="limit" name="used" fill="#cf1322" isAnimationActive={false} />
              <Bar dataKey="free" stackId="limit" name="headroom" fill="#389e0d" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {credits && credits.length > 0 && (
        <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
          {credits.map((c) => (
            <Descriptions.Item key={c.counterpartyId} label={c.name}>
              headroom {formatAmount(c.headroom, c.currency)} of {formatAmount(c.effectiveLimit, c.currency)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}

/** Risk and prices: price history, imports, pre-deal price risk, credit headroom. */
export function RiskPage() {
  const session = useSession();
  const series = useApi<Series[]>('/api/market-data/series');
  useLiveRefresh(['prices.', 'market-data.'], series.reload);
  return (
    <section aria-labelledby="risk-title">
      <Typography.Title level={3} id="risk-title">
        Risk and prices
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'prices',
            label: 'Prices',
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={16}>
                  <Card title="Price history" loading={series.loading && !series.data}>
                    <ProblemAlert error={series.error} onRetry={series.reload} />
                    {series.data && <PriceHistory series={series.data} />}
                  </Card>
                </Col>
                <Col xs={24} xl={8}>
                  <Imports onImported={series.reload} />
                </Col>
              </Row>
            ),
          },
          ...(can(session.roles, 'price')
            ? [{ key: 'predeal', label: 'Pre-deal price risk', children: <PreDealRisk /> }]
            : []),
          { key: 'credit', label: 'Credit headroom', children: <CreditHeadroom /> },
          ...(can(session.roles, 'reports')
            ? [
                {
                  key: 'exposure',
                  label: 'Exposure and VaR',
                  children: (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <Exposure />
                      <ValueAtRisk />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

interface Positions {
  generatedAt: string;
  desk: string | null;
  rows: {
    metal: string;
    counterpartyId: string;
    counterpartyName: string;
    deals: number;
    dryTonnes: number | string;
    containedTonnes: number | string;
    hedgedTonnes: number | string;
    netTonnes: number | string;
    hedgeCoveragePct: number | string | null;
    value: number | string;
    currency: string;
  }[];
  totals: { metal: string; deals: number; containedTonnes: number | string; hedgedTonnes: number | string; netTonnes: number | string; hedgeCoveragePct: number | string | null }[];
}

/** Open positions per metal and counterparty, hedged and unhedged tonnes (GET /api/reports/positions). */
function Exposure() {
  const positions = useApi<Positions>('/api/reports/positions');
  useLiveRefresh(['deal.', 'task.completed'], positions.reload);
  const bars = (positions.data?.totals ?? []).map((t) => ({
    metal: t.metal,
    contained: Number(t.containedTonnes),
    hedged: Number(t.hedgedTonnes),
    net: Number(t.netTonnes),
  }));
  return (
    <Card title="Exposure per metal and hedge coverage" loading={positions.loading && !positions.data}>
      <ProblemAlert error={positions.error} onRetry={positions.reload} />
      {positions.data && positions.data.rows.length === 0 && <Empty description="No open position: no deal in progress" />}
      {bars.length > 0 && (
        <div style={{ width: '100%', height: 260 }} role="img" aria-label="Contained, hedged and net tonnes per metal">
          <ResponsiveContainer>
            <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="metal" />
              <YAxis width={80} />
              <Tooltip />
              <Legend />
              <Bar dataKey="contained" name="contained t" fill="#8c5a2b" isAnimationActive={false} />
              <Bar dataKey="hedged" name="hedged t" fill="#1677ff" isAnimationActive={false} />
              <Bar dataKey="net" name="net (unhedged) t" fill="#cf1322" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {positions.data && positions.data.rows.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => `${r.metal}-${r.counterpartyId}-${r.currency}`}
          dataSource={positions.data.rows}
          pagination={false}
          scroll={{ x: 800 }}
          data-testid="positions"
          columns={[
            { title: 'Metal', dataIndex: 'metal' },
            { title: 'Counterparty', dataIndex: 'counterpartyName' },
            { title: 'Deals', dataIndex: 'deals', align: 'right' },
            { title: 'Contained t', key: 'c', align: 'right', render: (_, r) => formatAmount(r.containedTonnes, null, 3) },
            { title: 'Hedged t', key: 'h', align: 'right', render: (_, r) => formatAmount(r.hedgedTonnes, null, 3) },
            { title: 'Net t', key: 'n', align: 'right', render: (_, r) => formatAmount(r.netTonnes, null, 3) },
            { title: 'Coverage', key: 'cov', align: 'right', render: (_, r) => (r.hedgeCoveragePct == null ? '—' : `${r.hedgeCoveragePct} %`) },
            { title: 'Value', key: 'v', align: 'right', render: (_, r) => formatAmount(r.value, r.currency) },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        Price risk of a proposed lot (volatility, forecast band, NSR sensitivity) is under "Pre-deal price risk".
      </Typography.Paragraph>
    </Card>
  );
}

interface VarAnswer {
  desk: string | null;
  market: string;
  confidence: number | string;
  horizon: number;
  scenarios: number;
  valueAtRiskUsd: number | string;
  expectedShortfallUsd: number | string;
  positions: { metal: string; netTonnes: number | string; series: string; priceDate: string; price: number | string; valueUsd: number | string }[];
  explanation: string;
}

/** Historical VaR and expected shortfall of the open book (GET /api/reports/var). */
function ValueAtRisk() {
  const [confidence, setConfidence] = useState('0.99');
  const result = useApi<VarAnswer>(`/api/reports/var?confidence=${confidence}&horizon=1`);
  useLiveRefresh(['deal.', 'task.completed', 'prices.'], result.reload);
  return (
    <Card
      title="Value at risk (historical simulation, one month)"
      loading={result.loading && !result.data}
      extra={
        <Segmented
          aria-label="Confidence"
          options={[
            { label: '95 %', value: '0.95' },
            { label: '99 %', value: '0.99' },
          ]}
          value={confidence}
          onChange={(v) => setConfidence(String(v))}
        />
      }
    >
      <ProblemAlert error={result.error} onRetry={result.reload} />
      {result.data && result.data.positions.length === 0 && <Empty description="No open position to put at risk" />}
      {result.data && result.data.positions.length > 0 && (
        <>
          <Row gutter={16}>
            <Col xs={12} md={8}>
              <Statistic title={`VaR ${Number(result.data.confidence) * 100} %`} value={formatAmount(result.data.valueAtRiskUsd, 'USD')} />
            </Col>
            <Col xs={12} md={8}>
              <Statistic title="Expected shortfall" value={formatAmount(result.data.expectedShortfallUsd, 'USD')} />
            </Col>
            <Col xs={12} md={8}>
              <Statistic title="Scenarios" value={result.data.scenarios} />
            </Col>
          </Row>
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey="metal"
            pagination={false}
            dataSource={result.data.positions}
            columns={[
              { title: 'Metal', dataIndex: 'metal' },
              { title: 'Net t', key: 'n', align: 'right', render: (_, r) => formatAmount(r.netTonnes, null, 3) },
              { title: 'Series', dataIndex: 'series' },
              { title: 'Price date', dataIndex: 'priceDate' },
              { title: 'Marked value', key: 'v', align: 'right', render: (_, r) => formatAmount(r.valueUsd, 'USD') },
            ]}
          />
        </>
      )}
    </Card>
  );
}
