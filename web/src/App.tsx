import { Navigate, Route, Routes } from 'react-router-dom';
import { Result } from 'antd';
import { useAuth } from './auth/AuthContext';
import { SignIn } from './auth/SignIn';
import { AppLayout } from './layout/AppLayout';
import { TaskInbox } from './tasks/TaskInbox';
import { TaskPage } from './tasks/TaskPage';
import { LiveEventsProvider } from './live/LiveEvents';
import { CounterpartyList } from './counterparties/CounterpartyList';
import { CounterpartyPage } from './counterparties/CounterpartyPage';
import { RiskPage } from './risk/RiskPage';
import { ReplayPage } from './replay/ReplayPage';
import { DealList } from './deals/DealList';
import { DealCapture } from './deals/DealCapture';
import { DealPage } from './deals/DealPage';
import { CopilotPage } from './copilot/CopilotPage';
import { ReportsPage } from './reports/ReportsPage';

export function App() {
  const { session } = useAuth();
  if (!session) return <SignIn />;
  return (
    <LiveEventsProvider>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/tasks" replace />} />
          <Route path="/tasks" element={<TaskInbox />} />
          <Route path="/tasks/:key" element={<TaskPage />} />
          <Route path="/counterparties" element={<CounterpartyList />} />
          <Route path="/deals" element={<DealList />} />
          <Route path="/deals/new" element={<DealCapture />} />
          <Route path="/deals/:id" element={<DealPage />} />
          <Route path="/risk" element={<RiskPage />} />
          <Route path="/reports" element={<ReportsPage />} />
          <Route path="/replay" element={<ReplayPage />} />
          <Route path="/replay/:key" element={<ReplayPage />} />
          <Route path="/counterparties/:id" element={<CounterpartyPage />} />
          <Route path="/copilot" element={<CopilotPage />} />
          <Route path="*" element={<Result status="404" title="Not found" subTitle="No page at this address." />} />
        </Route>
      </Routes>
    </LiveEventsProvider>
  );
}
