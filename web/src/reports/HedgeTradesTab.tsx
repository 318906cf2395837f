import { useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Empty, Form, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatAmount, formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import { ReportDownloads } from './ReportDownloads';
import { DealLink } from './ReportLinks';
import { dateText, ReportFilters } from './ReportFilters';
import { findingsByHedge, reportPath, shortId } from './reportData';
import type { HedgeTradeRow, HedgeTradesReport } from './types';

const PATH = '/api/reports/hedge-trades';

interface HedgeQuery {
  from?: string;
  to?: string;
}

/** The EMIR-style trade report of hedges (GET /api/reports/hedge-trades) with its validation findings. */
export function HedgeTradesTab() {
  const [query, setQuery] = useState<HedgeQuery>({});
  const report = useApi<HedgeTradesReport>(reportPath(PATH, { ...query }));
  const data = report.data;
  const findings = useMemo(() => findingsByHedge(data?.issues ?? []), [data]);
  return (
    <Card
      title="Trade report of hedges (EMIR-style)"
      extra={
        <ReportDownloads
          title="hedge trade report"
          path={PATH}
          params={{ ...query }}
          fileName="hedge-trades"
          disabledReason={data && !data.valid ? 'Not exported until every hedge of the period is complete: see the findings' : undefined}
        />
      }
    >
      <ReportFilters<{ from?: Dayjs | null; to?: Dayjs | null }>
        name="hedge-trade-filters"
        onApply={(v) => setQuery({ from: dateText(v.from), to: dateText(v.to) })}
      >
        <Form.Item label="Booked from" name="from">
          <DatePicker placeholder="30 days ago" />
        </Form.Item>
        <Form.Item label="Before" name="to">
          <DatePicker placeholder="tomorrow" />
        </Form.Item>
      </ReportFilters>
      <ProblemAlert error={report.error} onRetry={report.reload} />
      {report.loading && !data && <Skeleton active />}
      {data && data.rows.length === 0 && data.issues.length === 0 && <Empty description={`No hedge booked from ${data.from} to ${data.to}`} />}
      {data && (data.rows.length > 0 || data.issues.length > 0) && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {data.valid ? (
            <Alert type="success" showIcon title={`Complete: ${data.rows.length} hedge(s) from ${data.from} to ${data.to} (exclusive), ready to export`} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={`${findings.length} hedge(s) cannot be reported: ${data.issues.length} mandatory field(s) missing or invalid`}
              description={
                <ul data-testid="hedge-findings" style={{ margin: 0, paddingLeft: 16 }}>
                  {findings.map((f) => (
                    <li key={f.hedgeId}>
                      <Typography.Text strong title={f.hedgeId}>
                        Hedge {shortId(f.hedgeId)}
                      </Typography.Text>
                      {f.findings.map((i) => (
                        <div key={i.field}>
                          <Tag>{i.field}</Tag>
                          {i.reason}
                        </div>
                      ))}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Table<HedgeTradeRow>
            size="small"
            rowKey="uti"
            loading={report.loading}
            dataSource={data.rows}
            pagination={{ pageSize: 25, hideOnSinglePage: true }}
            scroll={{ x: 1300 }}
            data-testid="hedge-trades"
            locale={{ emptyText: <Empty description="No complete hedge yet" /> }}
            columns={[
              { title: 'UTI', dataIndex: 'uti', ellipsis: true },
              { title: 'Direction', dataIndex: 'direction' },
              { title: 'Venue', dataIndex: 'venueOfExecution' },
              { title: 'Contract', dataIndex: 'contract' },
              { title: 'Product', key: 'product', render: (_, r) => `${r.baseProduct}/${r.subProduct}` },
              { title: 'Price', key: 'price', align: 'right', render: (_, r) => formatAmount(r.price, r.priceCurrency) },
              { title: 'Lots', dataIndex: 'quantity', align: 'right' },
              { title: 'Notional quantity', key: 'nq', align: 'right', render: (_, r) => `${formatAmount(r.notionalQuantity, null, 3)} ${r.quantityUnit}` },
              { title: 'Notional', key: 'na', align: 'right', render: (_, r) => formatAmount(r.notionalAmount, r.notionalCurrency) },
              { title: 'Executed', key: 'at', render: (_, r) => formatDateTime(r.executionTimestamp) },
              { title: 'Broker LEI', dataIndex: 'counterparty2' },
              { title: 'Deal', key: 'deal', render: (_, r) => <DealLink id={r.dealId} /> },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
