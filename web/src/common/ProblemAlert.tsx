import { Alert } from 'antd';
import { ApiError, describe } from '../api/problem';

/** An error as an alert: the problem's title and detail (and the field it names). */
export function ProblemAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const heading = title ?? problem?.title ?? 'Something went wrong';
  const field = problem?.field ? ` (field: ${problem.field})` : '';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={heading}
      description={`${describe(error)}${field}`}
      action={onRetry ? <a onClick={onRetry}>Retry</a> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
