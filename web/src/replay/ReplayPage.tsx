import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Input, Row, Skeleton, Slider, Space, Table, Tag, Typography } from 'antd';
import { CaretRightOutlined, PauseOutlined, StepBackwardOutlined, StepForwardOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { apiText } from '../api/client';
import { useSession } from '../auth/AuthContext';
import { can } from '../auth/roles';
import { ProblemAlert } from '../common/ProblemAlert';
import { formatDateTime } from '../common/format';
import { useApi } from '../common/useApi';
import type { Counterparty, Page } from '../counterparties/types';
import { BpmnDiagram } from './BpmnDiagram';
import { describeStep, diagramState, processDefinitionKeyOf, replaySteps, type History } from './replayState';

interface Verification {
  valid: boolean;
  entries: number;
  firstBrokenEntry: Record<string, unknown> | null;
}

function AuditVerification() {
  const verification = useApi<Verification>('/api/audit/verify');
  if (verification.loading) {
    return <Alert type="info" showIcon title="Verifying the audit chain…" description="Every entry's hash is recomputed." />;
  }
  if (verification.error) return <ProblemAlert error={verification.error} title="Verification failed" onRetry={verification.reload} />;
  const v = verification.data!;
  return v.valid ? (
    <Alert
      type="success"
      showIcon
      data-testid="audit-verification"
      title={`Audit chain verified: ${v.entries} entries, none altered`}
      action={<Button size="small" onClick={verification.reload}>Verify again</Button>}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verification"
      title={`Audit chain broken (${v.entries} entries checked)`}
      description={`First broken entry: ${JSON.stringify(v.firstBrokenEntry)}`}
    />
  );
}

function InstancePicker() {
  const navigate = useNavigate();
  const counterparties = useApi<Page<Counterparty>>('/api/counterparties?size=20');
  const [key, setKey] = useState('');
  const onboarding = (counterparties.data?.items ?? []).filter((c) => c.onboardingProcessInstanceKey);
  return (
    <Card title="Replay a process instance">
      <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
        <Input
          aria-label="Process instance key"
          placeholder="Process instance key"
          value={key}
          onChange={(e) => setKey(e.target.value.trim())}
          onPressEnter={() => key && navigate(`/replay/${key}`)}
        />
        <Button type="primary" disabled={!/^\d+$/.test(key)} onClick={() => navigate(`/replay/${key}`)}>
          Replay
        </Button>
      </Space.Compact>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Counterparty onboardings
      </Typography.Title>
      {counterparties.loading && <Skeleton active paragraph={{ rows: 2 }} />}
      <ProblemAlert error={counterparties.error} onRetry={counterparties.reload} />
      {counterparties.data && onboarding.length === 0 && <Empty description="No instance yet" />}
      <ul>
        {onboarding.map((c) => (
          <li key={c.id}>
            <Link to={`/replay/${c.onboardingProcessInstanceKey}`}>{c.name}</Link> (instance {c.onboardingProcessInstanceKey}, KYC {c.kycStatus})
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Replay({ instanceKey }: { instanceKey: string }) {
  const history = useApi<History>(`/api/process-instances/${instanceKey}/history`);
  const steps = useMemo(() => (history.data ? replaySteps(history.data) : []), [history.data]);
  const definitionKey = history.data ? processDefinitionKeyOf(history.data) : undefined;
  const [xml, setXml] = useState<string>();
  const [xmlError, setXmlError] = useState<unknown>();
  const [position, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!definitionKey) return;
    const controller = new AbortController();
    apiText(`/api/process-definitions/${definitionKey}/xml`, controller.signal).then(setXml).catch((e) => {
      if (!controller.signal.aborted) setXmlError(e);
    });
    return () => controller.abort();
  }, [definitionKey]);

  // start at the end: the instance as it is now
  useEffect(() => setPosition(steps.length), [steps.length]);

  useEffect(() => {
    if (!playing) return;
    if (position >= steps.length) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => setPosition((p) => Math.min(steps.length, p + 1)), 600);
    return () => window.clearTimeout(timer);
  }, [playing, position, steps.length]);

  const state = useMemo(
    () => diagramState(steps, position, history.data?.bpmnProcessId ?? ''),
    [steps, position, history.data],
  );

  if (history.loading && !history.data) return <Skeleton active />;
  if (!history.data) return <ProblemAlert error={history.error} onRetry={history.reload} />;
  const current = position > 0 ? steps[position - 1] : undefined;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <span>
            {history.data.bpmnProcessId} <Typography.Text type="secondary">instance {instanceKey}</Typography.Text>
          </span>
        }
      >
        <ProblemAlert error={xmlError} title="No diagram" />
        {xml ? <BpmnDiagram xml={xml} state={state} /> : !xmlError && <Skeleton.Node active style={{ width: '100%', height: 480 }} />}
        <Space wrap style={{ marginTop: 12 }}>
          <Tag color="blue">active</Tag>
          <Tag color="green">completed</Tag>
          <Tag>terminated</Tag>
          <Tag color="red">incident</Tag>
        </Space>
        <Space style={{ width: '100%', marginTop: 12 }} wrap>
          <Button aria-label="Step back" icon={<StepBackwardOutlined />} disabled={position === 0} onClick={() => setPosition(position - 1)} />
          <Button
            aria-label={playing ? 'Pause' : 'Play'}
            type="primary"
            icon={playing ? <PauseOutlined /> : <CaretRightOutlined />}
            onClick={() => {
              if (!playing && position >= steps.length) setPosition(0);
              setPlaying(!playing);
            }}
          />
          <Button aria-label="Step forward" icon={<StepForwardOutlined />} disabled={position >= steps.length} onClick={() => setPosition(position + 1)} />
          <Typography.Text data-testid="replay-position">
            step {position} of {steps.length}
          </Typography.Text>
        </Space>
        <Slider
          ariaLabelForHandle="Replay position"
          min={0}
          max={steps.length}
          value={position}
          onChange={(v) => {
            setPlaying(false);
            setPosition(v);
          }}
          tooltip={{ formatter: (v) => (v ? describeStep(steps[v - 1]) : 'start') }}
        />
        <Typography.Text data-testid="replay-current">
          {current ? `${formatDateTime(current.timestamp)} · ${describeStep(current)}` : 'Before the first event'}
        </Typography.Text>
      </Card>
      <Card title="Events">
        <Table
          size="small"
          rowKey="position"
          dataSource={steps.map((s, i) => ({ ...s, index: i + 1 }))}
          pagination={{ pageSize: 15, current: Math.max(1, Math.ceil(position / 15)), showSizeChanger: false }}
          rowClassName={(r) => (r.index === position ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setPosition(r.index) })}
          scroll={{ x: 640 }}
          columns={[
            { title: '#', dataIndex: 'index', width: 60 },
            { title: 'When', key: 'when', render: (_, r) => formatDateTime(r.timestamp) },
            { title: 'Event', key: 'event', render: (_, r) => (r.valueType === 'INCIDENT' ? <Tag color="red">{describeStep(r)}</Tag> : describeStep(r)) },
            { title: 'Process', dataIndex: 'bpmnProcessId' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Process replay for auditors: an instance's history step by step on its diagram, with the audit chain verified. */
export function ReplayPage() {
  const { key } = useParams();
  const session = useSession();
  return (
    <section aria-labelledby="replay-title">
      <Typography.Title level={3} id="replay-title">
        Process replay
      </Typography.Title>
      {can(session.roles, 'verifyAudit') && (
        <div style={{ marginBottom: 16 }}>
          <AuditVerification />
        </div>
      )}
      <Row gutter={[16, 16]}>
        <Col span={24}>{key ? <Replay instanceKey={key} /> : <InstancePicker />}</Col>
      </Row>
    </section>
  );
}
