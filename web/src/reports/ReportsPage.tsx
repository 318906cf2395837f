import { Result, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../auth/AuthContext';
import { can } from '../auth/roles';
import { AgeingTab } from './AgeingTab';
import { HedgeTradesTab } from './HedgeTradesTab';
import { KycTab } from './KycTab';
import { PnlTab } from './PnlTab';
import { ThroughputTab } from './ThroughputTab';

const TABS = [
  { key: 'pnl', label: 'P&L by deal', children: <PnlTab /> },
  { key: 'ageing', label: 'Invoice ageing', children: <AgeingTab /> },
  { key: 'kyc', label: 'KYC reviews', children: <KycTab /> },
  { key: 'throughput', label: 'Throughput and SLAs', children: <ThroughputTab /> },
  { key: 'hedge-trades', label: 'Hedge trade report', children: <HedgeTradesTab /> },
];

/** The server's reports (docs/reporting.md), one tab each; the tab is kept in the address (?tab=). */
export function ReportsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  if (!can(session.roles, 'reports')) {
    return <Result status="403" title="Reports" subTitle="Reports are for risk, desk heads, compliance, auditors and admins." />;
  }
  const active = TABS.some((t) => t.key === params.get('tab')) ? (params.get('tab') as string) : 'pnl';
  return (
    <section aria-labelledby="reports-title">
      <Typography.Title level={3} id="reports-title">
        Reports
      </Typography.Title>
      <Tabs activeKey={active} onChange={(key) => setParams({ tab: key }, { replace: true })} items={TABS} />
    </section>
  );
}
