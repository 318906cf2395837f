import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Form, InputNumber, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ProblemAlert } from '../common/ProblemAlert';
import { useApi } from '../common/useApi';
import { ReportDownloads } from './ReportDownloads';
import { CounterpartyLink } from './ReportLinks';
import { dateText, ReportFilters } from './ReportFilters';
import { KYC_STATUSES, orderedCounts, reportPath, RISK_RATINGS } from './reportData';
import type { KycReport, KycReview } from './types';

const PATH = '/api/reports/kyc-reviews';

interface KycQuery {
  asOf?: string;
  withinDays?: number;
}

function label(key: string): string {
  return key.replace(/_/g, ' ').toLowerCase();
}

function Counts({ title, counts, testId }: { title: string; counts: { key: string; count: number }[]; testId: string }) {
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Row gutter={[16, 16]} data-testid={testId}>
        {counts.map((s) => (
          <Col xs={8} md={4} key={s.key}>
            <Statistic title={label(s.key)} value={s.count} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

/** KYC reviews (GET /api/reports/kyc-reviews): counterparties by status and rating, reviews due. */
export function KycTab() {
  const [query, setQuery] = useState<KycQuery>({ withinDays: 90 });
  const report = useApi<KycReport>(reportPath(PATH, { ...query }));
  const data = report.data;
  const statuses = useMemo(() => orderedCounts(data?.byStatus ?? {}, KYC_STATUSES), [data]);
  const ratings = useMemo(() => orderedCounts(data?.byRiskRating ?? {}, RISK_RATINGS), [data]);
  return (
    <Card title="KYC reviews" extra={<ReportDownloads title="KYC reviews" path={PATH} params={{ ...query }} fileName="kyc-reviews" />}>
      <ReportFilters<{ asOf?: Dayjs | null; withinDays?: number | null }>
        name="kyc-filters"
        initialValues={{ withinDays: 90 }}
        onApply={(v) => setQuery({ asOf: dateText(v.asOf), withinDays: v.withinDays ?? undefined })}
      >
        <Form.Item label="As of" name="asOf">
          <DatePicker placeholder="today" />
        </Form.Item>
        <Form.Item label="Reviews due within (days)" name="withinDays" rules={[{ type: 'integer', min: 0, max: 3660, message: '0 to 3660 days' }]}>
          <InputNumber min={0} max={3660} precision={0} style={{ width: 110 }} />
        </Form.Item>
      </ReportFilters>
      <ProblemAlert error={report.error} onRetry={report.reload} />
      {report.loading && !data && <Skeleton active />}
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Counts title="Counterparties by KYC status" counts={statuses} testId="kyc-status-counts" />
          <Counts title="By risk rating" counts={ratings} testId="kyc-rating-counts" />
          <Typography.Title level={5}>
            Reviews due by {data.asOf} + {data.withinDays} days
          </Typography.Title>
          {data.reviewsDue.length === 0 ? (
            <Empty description="No periodic review due in this window" />
          ) : (
            <Table<KycReview>
              size="small"
              rowKey="counterpartyId"
              loading={report.loading}
              dataSource={data.reviewsDue}
              pagination={{ pageSize: 25, hideOnSinglePage: true }}
              scroll={{ x: 700 }}
              data-testid="kyc-reviews"
              columns={[
                { title: 'Counterparty', key: 'name', render: (_, r) => <CounterpartyLink id={r.counterpartyId} name={r.name} /> },
                { title: 'Country', dataIndex: 'country' },
                { title: 'KYC status', dataIndex: 'kycStatus' },
                { title: 'Risk rating', key: 'rating', render: (_, r) => r.riskRating ?? 'UNRATED' },
                { title: 'Next review', dataIndex: 'nextReviewDate' },
                {
                  title: 'Due',
                  key: 'due',
                  render: (_, r) =>
                    r.overdue ? (
                      <Tag color="red">{-r.daysUntilReview} days overdue</Tag>
                    ) : (
                      <Tag color={r.daysUntilReview <= 14 ? 'orange' : 'default'}>in {r.daysUntilReview} days</Tag>
                    ),
                },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
