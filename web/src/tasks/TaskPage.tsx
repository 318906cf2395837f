import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography, message } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { describe } from '../api/problem';
import { useSession } from '../auth/AuthContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { useApi } from '../common/useApi';
import { CamundaForm } from './CamundaForm';
import { DueTag } from './TaskInbox';
import type { UserTask } from './types';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One task: its Camunda form beside its context (process, variables), claim/unclaim, complete. */
export function TaskPage() {
  const { key } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const task = useApi<UserTask>(`/api/tasks/${key}`);
  const hasForm = task.data != null && (task.data.formKey != null || task.data.formId != null);
  const form = useApi<Record<string, unknown>>(hasForm ? `/api/tasks/${key}/form` : null);
  const [busy, setBusy] = useState(false);
  const variables = useMemo(() => task.data?.variables ?? {}, [task.data]);

  if (task.loading && !task.data) return <Skeleton active />;
  if (task.error && !task.data) return <ProblemAlert error={task.error} onRetry={task.reload} />;
  const t = task.data!;
  const open = t.state === 'CREATED';
  const mine = t.assignee === session.username;

  const act = async (action: 'claim' | 'unclaim') => {
    setBusy(true);
    try {
      await api(`/api/tasks/${key}/${action}`, { method: 'POST' });
      task.reload();
    } catch (e) {
      message.error(describe(e));
    } finally {
      setBusy(false);
    }
  };

  const complete = async (vars: Record<string, unknown>) => {
    await api(`/api/tasks/${key}/complete`, { method: 'POST', body: vars });
    message.success(`Completed "${t.name ?? t.elementId}"`);
    navigate('/tasks');
  };

  return (
    <section aria-labelledby="task-title">
      <Space wrap style={{ marginBottom: 8 }}>
        <Link to="/tasks">← Inbox</Link>
      </Space>
      <Typography.Title level={3} id="task-title">
        {t.name ?? t.elementId}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title="Form">
            {!open && <Alert type="info" showIcon title={`This task is ${t.state.toLowerCase()}.`} style={{ marginBottom: 12 }} />}
            {open && t.assignee && !mine && (
              <Alert type="warning" showIcon title={`Assigned to ${t.assignee}`} style={{ marginBottom: 12 }} />
            )}
            {!hasForm && <Typography.Paragraph>This task has no form: complete it as it is.</Typography.Paragraph>}
            {hasForm && form.loading && <Skeleton active />}
            <ProblemAlert error={form.error} onRetry={form.reload} />
            {hasForm && form.data && (
              <CamundaForm schema={form.data} data={variables} readOnly={!open || (t.assignee != null && !mine)} onSubmit={complete} />
            )}
            {!hasForm && open && (
              <CamundaForm schema={{ components: [] }} data={{}} onSubmit={complete} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title="Context">
            <Space wrap style={{ marginBottom: 12 }}>
              {open && t.assignee == null && (
                <Button type="primary" loading={busy} onClick={() => act('claim')}>
                  Claim
                </Button>
              )}
              {open && mine && (
                <Button loading={busy} onClick={() => act('unclaim')}>
                  Unclaim
                </Button>
              )}
            </Space>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="Process">
                {t.processDefinitionId} v{t.processDefinitionVersion}
              </Descriptions.Item>
              <Descriptions.Item label="Instance">{String(t.processInstanceKey)}</Descriptions.Item>
              <Descriptions.Item label="Assignee">{t.assignee ?? 'unassigned'}</Descriptions.Item>
              <Descriptions.Item label="Groups">
                {t.candidateGroups.map((g) => (
                  <Tag key={g}>{g}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label="Due">
                <DueTag dueDate={t.dueDate} />
              </Descriptions.Item>
              {typeof variables.dealId === 'string' && (
                <Descriptions.Item label="Deal">
                  <Link to={`/deals/${variables.dealId}`}>{variables.dealId}</Link>
                </Descriptions.Item>
              )}
              {typeof variables.counterpartyId === 'string' && (
                <Descriptions.Item label="Counterparty">
                  <Link to={`/counterparties/${variables.counterpartyId}`}>{variables.counterpartyId}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              Variables
            </Typography.Title>
            <Descriptions column={1} size="small">
              {Object.entries(variables)
                .slice(0, 40)
                .map(([name, value]) => (
                  <Descriptions.Item key={name} label={name}>
                    <Typography.Text ellipsis={{ tooltip: show(value) }} style={{ maxWidth: 260 }}>
                      {show(value)}
                    </Typography.Text>
                  </Descriptions.Item>
                ))}
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </section>
  );
}
