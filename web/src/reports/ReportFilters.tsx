import type { ReactNode } from 'react';
import { Button, Form } from 'antd';
import type { Dayjs } from 'dayjs';

/** A date picker's value as the API takes it (YYYY-MM-DD), or undefined when empty. */
export function dateText(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/**
 * A report's filters: labelled Ant Design fields in a row that wraps on narrow screens, applied
 * with "Show report" (not on every keystroke, so half-typed values are not sent).
 */
export function ReportFilters<T extends object>({
  name,
  initialValues,
  onApply,
  children,
}: {
  /** Unique per report: the fields' ids (and so their labels) derive from it. */
  name: string;
  initialValues?: Partial<T>;
  onApply: (values: T) => void;
  children: ReactNode;
}) {
  return (
    <Form<T> name={name} layout="inline" initialValues={initialValues} onFinish={onApply} style={{ rowGap: 8, marginBottom: 16 }}>
      {children}
      <Form.Item>
        <Button type="primary" htmlType="submit">
          Show report
        </Button>
      </Form.Item>
    </Form>
  );
}
