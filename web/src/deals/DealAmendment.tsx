import { useState } from 'react';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';
import { amendFieldOf, amendFormOf, amendRequest, ifMatch, isStaleVersion, placeProblem, type AmendForm } from './dealChanges';
import type { Deal } from './types';

const DATE = 'YYYY-MM-DD';
const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => d?.format(DATE) ?? null,
};

/**
 * "Amend terms": the deal's amendable terms in a form; sends what changed with the version read
 * (If-Match). A deal changed meanwhile (409 stale version) is said so, with a reload; problems
 * naming fields are shown on them.
 */
export function DealAmendment({ deal, onChanged }: { deal: Deal; onChanged: () => void }) {
  const [form] = Form.useForm<AmendForm>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [stale, setStale] = useState<string>();
  const basis = Form.useWatch('basis', form);

  const show = () => {
    form.resetFields();
    form.setFieldsValue(amendFormOf(deal));
    setError(undefined);
    setStale(undefined);
    setOpen(true);
  };

  const reload = () => {
    setStale(undefined);
    setError(undefined);
    setOpen(false);
    onChanged();
  };

  const submit = async (values: AmendForm) => {
    const body = amendRequest(deal, { ...amendFormOf(deal), ...values });
    if (Object.keys(body).length === 0) {
      message.info('Nothing changed: the terms are as they were');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api<Deal>(`/api/deals/${deal.id}`, { method: 'PATCH', body, headers: ifMatch(deal) });
      message.success('Amended: the re-approval is on its way');
      setOpen(false);
      onChanged();
    } catch (e) {
      if (isStaleVersion(e)) {
        setStale(describeStale(e as ApiError));
      } else if (e instanceof ApiError) {
        const placed = placeProblem(e.problem, (f) => amendFieldOf(f, deal.metal));
        form.setFields(placed.fields as never);
        if (placed.fields.length === 0 || placed.other.length > 0) setError(e);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button onClick={show}>Amend terms</Button>
      <Modal
        title="Amend the deal's terms"
        open={open}
        width={720}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="Send amendment"
        okButtonProps={{ loading: busy, disabled: stale !== undefined }}
        forceRender
      >
        <Typography.Paragraph type="secondary">
          The amendment is in force at once (a changed value reserves credit anew); the desk head or risk re-approves it, and a refused
          re-approval cancels the deal. The approver is neither you nor whoever captured it.
        </Typography.Paragraph>
        {stale && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="amend-stale"
            title="The deal changed since you opened it"
            description={stale}
            action={<Button onClick={reload}>Reload the deal</Button>}
            style={{ marginBottom: 16 }}
          />
        )}
        <ProblemAlert error={error} title="Not amended" />
        <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
          <Row gutter={12}>
            <Col xs={12} md={8}>
              <Form.Item label="Quantity" name="quantity" rules={[{ required: true }]}>
                <InputNumber stringMode min="0" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="Unit" name="quantityUnit">
                <Select options={['WMT', 'DMT'].map((u) => ({ value: u, label: u }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Moisture %" name="moisturePct">
                <InputNumber stringMode min="0" max="99.9999" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={`${deal.metal} assay (${deal.assays[deal.metal]?.unit ?? 'PCT'})`} name="grade" rules={[{ required: true }]}>
                <InputNumber stringMode min="0" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Pricing basis" name="basis">
                <Select options={[{ value: 'QP', label: 'QP average' }, { value: 'FIXED', label: 'Fixed' }]} />
              </Form.Item>
            </Col>
            {basis === 'FIXED' ? (
              <Col xs={12} md={6}>
                <Form.Item label="Fixed on" name="fixedOn" rules={[{ required: true }]} {...dateProps}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ) : (
              <>
                <Col xs={12} md={6}>
                  <Form.Item label="QP start" name="qpStart" rules={[{ required: true }]} {...dateProps}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="QP end" name="qpEnd" rules={[{ required: true }]} {...dateProps}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col xs={12} md={6}>
              <Form.Item label="Provisional price" name="provisionalPrice">
                <InputNumber stringMode min="0" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Provisional invoice %" name="provisionalPct">
                <InputNumber stringMode min="0" max="100" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label="Deal value" name="valueAmount" rules={[{ required: true }]}>
                <InputNumber stringMode min="0" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="Currency" name="currency">
                <Input maxLength={3} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Logistics deadline (ISO duration)" name="logisticsDeadline">
                <Input placeholder="P60D" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}

function describeStale(e: ApiError): string {
  const current = e.problem.currentVersion;
  const now = current === undefined ? '' : ` (it is at version ${String(current)} now)`;
  return `Somebody amended or cancelled the deal meanwhile${now}; nothing was changed. Reload it to see the terms as they are, then amend again.`;
}
