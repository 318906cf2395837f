import { useEffect, useRef, useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { ApiError, fieldErrors } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';
import { useApi } from '../common/useApi';
import type { Counterparty, Page } from '../counterparties/types';
import { captureRequest, formFieldOf, valuationRequest, type DealForm } from './dealRequests';
import type { Deal, Valuation } from './types';
import { ValuationBreakdown } from './ValuationBreakdown';

const DATE = 'YYYY-MM-DD';
const UMPIRE_RULES = ['UMPIRE_RESULT_IF_BETWEEN', 'MEAN_OF_UMPIRE_AND_NEARER_PARTY_IF_BETWEEN'];

function defaults(): DealForm {
  const start = dayjs().add(2, 'month').startOf('month');
  return {
    direction: 'BUY',
    commodity: 'Copper concentrate',
    metal: 'Cu',
    quantityUnit: 'WMT',
    quantity: 1000,
    moisturePct: 8,
    grade: 25,
    basis: 'QP',
    qpStart: start.format(DATE),
    qpEnd: start.endOf('month').format(DATE),
    provisionalPrice: 9000,
    payablePct: 96.5,
    minDeductionUnits: 1,
    tc: 80,
    rc: 0.08,
    provisionalPct: 90,
    splittingLimit: 0.2,
    umpireRule: 'UMPIRE_RESULT_IF_BETWEEN',
    currency: 'USD',
  };
}

/** Deal capture with the valuation recomputed by the server as the terms are typed. */
export function DealCapture() {
  const [form] = Form.useForm<DealForm>();
  const navigate = useNavigate();
  const counterparties = useApi<Page<Counterparty>>('/api/counterparties?status=APPROVED&size=100');
  const [valuation, setValuation] = useState<Valuation>();
  const [valuing, setValuing] = useState(false);
  const [valuationError, setValuationError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const valueTouched = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);

  const revalue = (values: DealForm) => {
    window.clearTimeout(timer.current);
    const request = valuationRequest(values);
    if (!request) {
      setValuation(undefined);
      return;
    }
    timer.current = window.setTimeout(async () => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setValuing(true);
      try {
        const result = await api<Valuation>('/api/pricing/valuations', { body: request, signal: controller.signal });
        setValuation(result);
        setValuationError(undefined);
        if (!valueTouched.current) form.setFieldValue('valueAmount', Math.round(Number(result.lotValue)));
      } catch (e) {
        if (controller.signal.aborted) return;
        setValuationError(e);
      } finally {
        if (!controller.signal.aborted) setValuing(false);
      }
    }, 350);
  };

  useEffect(() => {
    revalue(form.getFieldsValue(true));
    return () => window.clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (values: DealForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const deal = await api<Deal>('/api/deals', { body: captureRequest(values), headers: { 'Idempotency-Key': requestId } });
      message.success('Deal captured: its approval is on its way');
      setRequestId(crypto.randomUUID());
      navigate(`/deals/${deal.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        const placed = Object.entries(fieldErrors(e.problem))
          .map(([field, msg]) => ({ name: formFieldOf(field), errors: [msg] }))
          .filter((f): f is { name: keyof DealForm; errors: string[] } => f.name !== undefined);
        form.setFields(placed as never);
        if (placed.length === 0) setError(e);
        else if (e.status !== 400) setError(e);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const basis = Form.useWatch('basis', form);
  const metal = Form.useWatch('metal', form);

  return (
    <section aria-labelledby="capture-title">
      <Typography.Title level={3} id="capture-title">
        Capture a deal
      </Typography.Title>
      <ProblemAlert error={error} title="Not captured" />
      <Form
        form={form}
        layout="vertical"
        initialValues={defaults()}
        onFinish={submit}
        onValuesChange={(changed, all) => {
          if ('valueAmount' in changed) valueTouched.current = true;
          else revalue(all);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card title="Terms">
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item label="Counterparty (KYC approved)" name="counterpartyId" rules={[{ required: true, message: 'Pick the counterparty' }]}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={counterparties.loading}
                      notFoundContent={counterparties.error ? 'Counterparties cannot be read' : 'No approved counterparty'}
                      options={(counterparties.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.country})` }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Direction" name="direction">
                    <Select options={[{ value: 'BUY', label: 'BUY (we buy)' }, { value: 'SELL', label: 'SELL' }]} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Metal" name="metal">
                    <Select options={['Cu', 'Zn', 'Pb', 'Ni'].map((m) => ({ value: m, label: m }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Commodity" name="commodity" rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Quantity" name="quantity" rules={[{ required: true }]}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Unit" name="quantityUnit">
                    <Select options={[{ value: 'WMT', label: 'wet t' }, { value: 'DMT', label: 'dry t' }]} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Moisture %" name="moisturePct">
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={`${metal ?? ''} grade %`} name="grade" rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Payable %" name="payablePct" rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Min. deduction (units)" name="minDeductionUnits">
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="TC USD/dmt" name="tc">
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={metal === 'Cu' ? 'RC USD/lb' : 'RC USD/t'} name="rc">
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Pricing" name="basis">
                    <Select options={[{ value: 'QP', label: 'QP average' }, { value: 'FIXED', label: 'Fixed' }]} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Provisional price USD/t" name="provisionalPrice" rules={[{ required: true }]}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                {basis === 'FIXED' ? (
                  <Col xs={12} md={6}>
                    <Form.Item label="Fixed on" name="fixedOn" rules={[{ required: true }]} getValueProps={(v) => ({ value: v ? dayjs(v) : undefined })} normalize={(d) => d?.format(DATE)}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ) : (
                  <>
                    <Col xs={12} md={6}>
                      <Form.Item label="QP start" name="qpStart" rules={[{ required: true }]} getValueProps={(v) => ({ value: v ? dayjs(v) : undefined })} normalize={(d) => d?.format(DATE)}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item label="QP end" name="qpEnd" rules={[{ required: true }]} getValueProps={(v) => ({ value: v ? dayjs(v) : undefined })} normalize={(d) => d?.format(DATE)}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </>
                )}
                <Col xs={12} md={6}>
                  <Form.Item label="Provisional invoice %" name="provisionalPct">
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Splitting limit %" name="splittingLimit" tooltip="largest assay difference settled by splitting; beyond it an umpire decides">
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Umpire rule" name="umpireRule">
                    <Select options={UMPIRE_RULES.map((r) => ({ value: r, label: r.toLowerCase().replace(/_/g, ' ') }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Deal value" name="valueAmount" rules={[{ required: true, message: 'The value for credit and approval' }]} extra="from the valuation until you change it">
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="Currency" name="currency">
                    <Input maxLength={3} />
                  </Form.Item>
                </Col>
              </Row>
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>
                  Capture deal
                </Button>
                <Button onClick={() => navigate('/deals')}>Back to the desk</Button>
              </Space>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title="Live valuation">
              <ValuationBreakdown valuation={valuation} loading={valuing} error={valuationError} />
            </Card>
          </Col>
        </Row>
      </Form>
    </section>
  );
}
