import { useRef, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';
import { DEAL_EVENTS, eventFieldOf, eventRequest, placeProblem, Submission, type EventField } from './dealChanges';
import type { Deal } from './types';

const DATE = 'YYYY-MM-DD';

interface EventReceipt {
  dealId: string;
  event: string;
  eventKey: string;
  messageId: string;
  duplicate: boolean;
}

/** The input of a field; Form.Item's props (id, value, onChange) are passed on to it. */
function FieldInput({ field, ...control }: { field: EventField } & Record<string, unknown>) {
  if (field.kind === 'date') return <DatePicker style={{ width: '100%' }} {...control} />;
  if (field.kind === 'text') return <Input {...control} />;
  if (field.kind === 'choice') return <Radio.Group options={field.options} optionType="button" {...control} />;
  return <InputNumber stringMode min="0" style={{ width: '100%' }} {...control} />;
}

/**
 * The business events of the deal's execution and settlement (vessel nominated, B/L, arrival,
 * assays, payment), each sent once: the form's idempotency key is made once per submission.
 */
export function DealEvents({ deal, onReported }: { deal: Deal; onReported: () => void }) {
  const [event, setEvent] = useState(DEAL_EVENTS[0].event);
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [receipt, setReceipt] = useState<EventReceipt>();
  const submission = useRef(new Submission());
  const kind = DEAL_EVENTS.find((e) => e.event === event) ?? DEAL_EVENTS[0];
  const reported = new Set(deal.activity.filter((a) => a.action.startsWith('EVENT ')).map((a) => a.action.slice('EVENT '.length)));

  const pick = (next: string) => {
    setEvent(next);
    form.resetFields();
    submission.current.renew();
    setError(undefined);
    setReceipt(undefined);
  };

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = eventRequest(deal, event, values);
      const result = await submission.current.send((key) =>
        api<EventReceipt>(`/api/deals/${deal.id}/events/${event}`, { body, headers: { 'Idempotency-Key': key } }),
      );
      setReceipt(result);
      form.resetFields();
      onReported();
    } catch (e) {
      if (e instanceof ApiError) {
        const placed = placeProblem(e.problem, (f) => eventFieldOf(event, f));
        form.setFields(placed.fields as never);
        if (placed.fields.length === 0 || placed.other.length > 0) setError(e);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Business events" data-testid="deal-events">
      <Segmented
        value={event}
        onChange={(v) => pick(String(v))}
        options={DEAL_EVENTS.map((e) => ({
          value: e.event,
          label: reported.has(e.event) ? `${e.label} ✓` : e.label,
        }))}
        style={{ marginBottom: 16, flexWrap: 'wrap' }}
      />
      {receipt && (
        <Alert
          type={receipt.duplicate ? 'info' : 'success'}
          showIcon
          data-testid="event-receipt"
          title={receipt.duplicate ? `${kind.label}: already reported, sent once` : `${kind.label}: reported to the process`}
          description={<Typography.Text type="secondary">message {receipt.messageId}</Typography.Text>}
          closable
          onClose={() => setReceipt(undefined)}
          style={{ marginBottom: 16 }}
        />
      )}
      <ProblemAlert error={error} title="Not reported" />
      <Form form={form} layout="vertical" onFinish={submit} aria-label={kind.label}>
        <Row gutter={12}>
          {kind.fields.map((field) => (
            <Col xs={24} md={12} key={`${event}-${field.name}`}>
              <Form.Item
                label={field.kind === 'assay' ? `${field.label}: ${deal.metal} (${deal.assays[deal.metal]?.unit ?? 'PCT'})` : field.label}
                name={field.name}
                rules={field.required ? [{ required: true, message: `${field.label} is required` }] : []}
                {...(field.kind === 'date'
                  ? {
                      getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
                      normalize: (d: dayjs.Dayjs | null) => d?.format(DATE),
                    }
                  : {})}
              >
                <FieldInput field={field} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>
          Report {kind.label.toLowerCase()}
        </Button>
      </Form>
    </Card>
  );
}
