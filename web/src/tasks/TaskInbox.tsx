import { useState } from 'react';
import { Button, Empty, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { describe } from '../api/problem';
import { useSession } from '../auth/AuthContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { useApi } from '../common/useApi';
import { useLiveRefresh } from '../live/LiveEvents';
import { dueStatus } from './due';
import type { UserTask } from './types';

const TONE_COLOR = { overdue: 'red', soon: 'orange', later: 'default', none: 'default' } as const;

export function DueTag({ dueDate }: { dueDate: string | null }) {
  const due = dueStatus(dueDate);
  if (due.tone === 'none') return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={TONE_COLOR[due.tone]}>
      {due.tone === 'overdue' ? 'overdue ' : ''}
      {due.label}
    </Tag>
  );
}

function TaskTable({ path, emptyText }: { path: string; emptyText: string }) {
  const session = useSession();
  const tasks = useApi<UserTask[]>(path);
  const [busyKey, setBusyKey] = useState<string>();
  useLiveRefresh(['task.'], tasks.reload);

  const act = async (task: UserTask, action: 'claim' | 'unclaim') => {
    setBusyKey(String(task.key));
    try {
      await api(`/api/tasks/${task.key}/${action}`, { method: 'POST' });
      message.success(action === 'claim' ? `Claimed "${task.name ?? task.elementId}"` : 'Returned to the group');
      tasks.reload();
    } catch (e) {
      message.error(describe(e));
    } finally {
      setBusyKey(undefined);
    }
  };

  return (
    <>
      <ProblemAlert error={tasks.error} onRetry={tasks.reload} />
      <Space style={{ marginBottom: 8 }}>
        <Button icon={<ReloadOutlined />} onClick={tasks.reload} loading={tasks.loading} aria-label="Refresh tasks">
          Refresh
        </Button>
      </Space>
      <Table<UserTask>
        rowKey={(t) => String(t.key)}
        loading={tasks.loading}
        dataSource={tasks.data ?? []}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: 'Task',
            key: 'name',
            render: (_, t) => <Link to={`/tasks/${t.key}`}>{t.name ?? t.elementId}</Link>,
          },
          { title: 'Process', dataIndex: 'processDefinitionId', key: 'process' },
          {
            title: 'Groups',
            key: 'groups',
            render: (_, t) => t.candidateGroups.map((g) => <Tag key={g}>{g}</Tag>),
          },
          {
            title: 'Assignee',
            key: 'assignee',
            render: (_, t) => t.assignee ?? <Typography.Text type="secondary">unassigned</Typography.Text>,
          },
          { title: 'Due', key: 'due', render: (_, t) => <DueTag dueDate={t.dueDate} /> },
          {
            title: 'Created',
            key: 'created',
            render: (_, t) => (t.creationTime ? new Date(t.creationTime).toLocaleString() : '—'),
          },
          {
            title: 'Action',
            key: 'action',
            render: (_, t) =>
              t.assignee === session.username ? (
                <Button size="small" loading={busyKey === String(t.key)} onClick={() => act(t, 'unclaim')}>
                  Unclaim
                </Button>
              ) : t.assignee == null ? (
                <Button size="small" type="primary" loading={busyKey === String(t.key)} onClick={() => act(t, 'claim')}>
                  Claim
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

/** The task inbox: tasks assigned to me, and tasks offered to my groups (roles). */
export function TaskInbox() {
  return (
    <section aria-labelledby="inbox-title">
      <Typography.Title level={3} id="inbox-title">
        Task inbox
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'available',
            label: 'My tasks and my groups',
            children: <TaskTable path="/api/tasks" emptyText="No open task for you or your groups" />,
          },
          {
            key: 'mine',
            label: 'Assigned to me',
            children: <TaskTable path="/api/tasks?assignee=me" emptyText="Nothing assigned to you" />,
          },
        ]}
      />
    </section>
  );
}
