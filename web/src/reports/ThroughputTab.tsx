import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Form, Row, Segmented, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import { ReportDownloads } from './ReportDownloads';
import { dateText, ReportFilters } from './ReportFilters';
import { reportPath, taskBars, totalBreaches } from './reportData';
import type { ProcessThroughput, TaskThroughput, ThroughputReport } from './types';

const PATH = '/api/reports/process-throughput';

interface ThroughputFilters {
  from?: Dayjs | null;
  to?: Dayjs | null;
  asOf?: Dayjs | null;
}

interface ThroughputQuery {
  from?: string;
  to?: string;
  asOf?: string;
}

function hours(value: ProcessThroughput['p50Hours']): string {
  return value === null || value === undefined ? '—' : `${value} h`;
}

/** Process throughput and task SLAs (GET /api/reports/process-throughput). */
export function ThroughputTab() {
  const [query, setQuery] = useState<ThroughputQuery>({});
  const [view, setView] = useState<'processes' | 'tasks'>('tasks');
  const report = useApi<ThroughputReport>(reportPath(PATH, { ...query }));
  const data = report.data;
  const bars = useMemo(() => taskBars(data?.tasks ?? []), [data]);
  const empty = data && data.processes.length === 0 && data.tasks.length === 0;
  return (
    <Card
      title="Process throughput and SLAs"
      extra={<ReportDownloads title="process throughput" path={PATH} params={{ ...query, view }} fileName={view === 'tasks' ? 'task-sla' : 'process-throughput'} />}
    >
      <ReportFilters<ThroughputFilters>
        name="throughput-filters"
        onApply={(v) => setQuery({ from: dateText(v.from), to: dateText(v.to), asOf: v.asOf ? v.asOf.toISOString() : undefined })}
      >
        <Form.Item label="Started from" name="from">
          <DatePicker placeholder="30 days ago" />
        </Form.Item>
        <Form.Item label="Before" name="to">
          <DatePicker placeholder="tomorrow" />
        </Form.Item>
        <Form.Item label="Overdue as of" name="asOf">
          <DatePicker showTime placeholder="now" />
        </Form.Item>
      </ReportFilters>
      <ProblemAlert error={report.error} onRetry={report.reload} />
      {report.loading && !data && <Skeleton active />}
      {empty && <Empty description="No process instance or user task started in this period" />}
      {data && !empty && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Row gutter={[16, 16]}>
            <Col xs={12} lg={6}>
              <Statistic title="Instances started" value={data.processes.reduce((n, p) => n + p.started, 0)} />
            </Col>
            <Col xs={12} lg={6}>
              <Statistic title="Instances completed" value={data.processes.reduce((n, p) => n + p.completed, 0)} />
            </Col>
            <Col xs={12} lg={6}>
              <Statistic title="Tasks created" value={data.tasks.reduce((n, t) => n + t.created, 0)} />
            </Col>
            <Col xs={12} lg={6}>
              <Statistic title="SLA breaches" value={totalBreaches(data.tasks)} styles={{ content: { color: totalBreaches(data.tasks) ? '#cf1322' : undefined } }} />
            </Col>
          </Row>
          <Typography.Text type="secondary">
            {formatDateTime(data.from)} to {formatDateTime(data.to)} (exclusive); overdue as of {formatDateTime(data.asOf)}.
          </Typography.Text>
          {bars.length > 0 && (
            <div
              style={{ width: '100%', height: Math.max(200, bars.length * 34 + 80) }}
              data-testid="throughput-chart"
              role="img"
              aria-label="User tasks per process and task: completed on time and late, open in time and overdue"
            >
              <ResponsiveContainer>
                <BarChart data={bars} layout="vertical" maxBarSize={28} margin={{ top: 8, right: 40, bottom: 8, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={220} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="onTime" stackId="tasks" name="completed on time" fill="#389e0d" isAnimationActive={false} />
                  <Bar dataKey="late" stackId="tasks" name="completed late" fill="#fa8c16" isAnimationActive={false} />
                  <Bar dataKey="open" stackId="tasks" name="open" fill="#1677ff" isAnimationActive={false} />
                  <Bar dataKey="overdue" stackId="tasks" name="open overdue" fill="#cf1322" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <Segmented
            aria-label="Table view"
            options={[
              { label: 'Tasks', value: 'tasks' },
              { label: 'Processes', value: 'processes' },
            ]}
            value={view}
            onChange={(v) => setView(v as 'processes' | 'tasks')}
          />
          {view === 'tasks' ? (
            <Table<TaskThroughput>
              size="small"
              rowKey={(t) => `${t.bpmnProcessId}/${t.elementId}`}
              loading={report.loading}
              dataSource={data.tasks}
              pagination={{ pageSize: 25, hideOnSinglePage: true }}
              scroll={{ x: 1000 }}
              data-testid="throughput-tasks"
              columns={[
                { title: 'Process', dataIndex: 'bpmnProcessId' },
                { title: 'Task', dataIndex: 'elementId' },
                { title: 'Created', dataIndex: 'created', align: 'right' },
                { title: 'Completed', dataIndex: 'completed', align: 'right' },
                { title: 'Canceled', dataIndex: 'canceled', align: 'right' },
                { title: 'Open', dataIndex: 'open', align: 'right' },
                { title: 'With due date', dataIndex: 'withDueDate', align: 'right' },
                { title: 'Completed late', dataIndex: 'completedLate', align: 'right' },
                { title: 'Open overdue', dataIndex: 'openOverdue', align: 'right' },
                { title: 'Breaches', key: 'b', align: 'right', render: (_, t) => <Typography.Text type={t.breaches ? 'danger' : undefined}>{t.breaches}</Typography.Text> },
                { title: 'p50', key: 'p50', align: 'right', render: (_, t) => hours(t.p50HoursToComplete) },
                { title: 'p90', key: 'p90', align: 'right', render: (_, t) => hours(t.p90HoursToComplete) },
              ]}
            />
          ) : (
            <Table<ProcessThroughput>
              size="small"
              rowKey="bpmnProcessId"
              loading={report.loading}
              dataSource={data.processes}
              pagination={false}
              scroll={{ x: 800 }}
              data-testid="throughput-processes"
              columns={[
                { title: 'Process', dataIndex: 'bpmnProcessId' },
                { title: 'Started', dataIndex: 'started', align: 'right' },
                { title: 'Completed', dataIndex: 'completed', align: 'right' },
                { title: 'Terminated', dataIndex: 'terminated', align: 'right' },
                { title: 'Active', dataIndex: 'active', align: 'right' },
                { title: 'p50', key: 'p50', align: 'right', render: (_, p) => hours(p.p50Hours) },
                { title: 'p90', key: 'p90', align: 'right', render: (_, p) => hours(p.p90Hours) },
                { title: 'Incidents', dataIndex: 'incidents', align: 'right' },
                { title: 'Resolved', dataIndex: 'incidentsResolved', align: 'right' },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
