import { Alert, Descriptions, Spin, Table, Typography } from 'antd';
import { describe as describeError } from '../api/problem';
import { formatAmount } from '../common/format';
import type { Valuation } from './types';

/** The valuation's NSR, lot value and every signed line, as the server computed them. */
export function ValuationBreakdown({ valuation, loading, error }: { valuation?: Valuation; loading: boolean; error?: unknown }) {
  return (
    <div aria-live="polite" data-testid="valuation">
      {error != null && <Alert type="warning" showIcon title="Not valued" description={describeError(error)} style={{ marginBottom: 8 }} />}
      {!valuation && !error && (
        <Typography.Text type="secondary">Type quantity, grade, payable % and price to see the valuation.</Typography.Text>
      )}
      <Spin spinning={loading}>
        {valuation && (
          <>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="Dry tonnes">{formatAmount(valuation.dryTonnes, null, 3)}</Descriptions.Item>
              <Descriptions.Item label="NSR per dmt">{formatAmount(valuation.nsrPerDmt, valuation.currency, 4)}</Descriptions.Item>
              <Descriptions.Item label="Lot value" span={2}>
                <Typography.Text strong data-testid="lot-value">
                  {formatAmount(valuation.lotValue, valuation.currency)}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              style={{ marginTop: 8 }}
              rowKey={(l) => `${l.kind}-${l.element ?? ''}-${l.explanation}`}
              dataSource={valuation.lines}
              pagination={false}
              columns={[
                { title: 'Line', key: 'kind', render: (_, l) => `${l.kind}${l.element ? ` ${l.element}` : ''}` },
                { title: 'Per dmt', key: 'perDmt', align: 'right', render: (_, l) => formatAmount(l.amountPerDmt, null, 4) },
                { title: 'Amount', key: 'amount', align: 'right', render: (_, l) => formatAmount(l.amount) },
                { title: 'How', dataIndex: 'explanation', ellipsis: true },
              ]}
            />
          </>
        )}
      </Spin>
    </div>
  );
}
