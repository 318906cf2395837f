import { Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { SCREENING_COLORS, type Screening } from './types';

/** A screening's decision and its matched list entries, best score first. */
export function ScreeningResult({ screening }: { screening: Screening }) {
  const matches = [...screening.matches].sort((a, b) => Number(b.score) - Number(a.score));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>Decision</Typography.Text>
        <Tag color={SCREENING_COLORS[screening.decision] ?? 'default'} data-testid="screening-decision">
          {screening.decision}
        </Tag>
        <Typography.Text type="secondary">{matches.length} matched entr{matches.length === 1 ? 'y' : 'ies'}</Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey={(m) => `${m.entryId}-${m.matchedName}`}
        dataSource={matches}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty description="No list entry matched" /> }}
        columns={[
          { title: 'Listed name', dataIndex: 'matchedName' },
          { title: 'Entry', key: 'entry', render: (_, m) => `${m.list} ${m.entryId}` },
          { title: 'Type', key: 'type', render: (_, m) => m.type ?? '—' },
          {
            title: 'Score',
            key: 'score',
            width: 160,
            render: (_, m) => (
              <Progress
                percent={Math.round(Number(m.score) * 100)}
                size="small"
                status={Number(m.score) >= 0.9 ? 'exception' : 'normal'}
                aria-label={`score ${m.score}`}
              />
            ),
          },
          { title: 'Why', dataIndex: 'reason' },
        ]}
      />
    </Space>
  );
}
