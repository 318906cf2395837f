import { useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Popconfirm, Space, Spin, Tag, Typography, message } from 'antd';
import { useAuth } from '../auth/AuthContext';
import { api } from '../api/client';
import { ApiError, problemOf } from '../api/problem';
import { ProblemAlert } from '../common/ProblemAlert';
import { EventStreamParser } from '../live/sse';
import { EMPTY_ANSWER, isApiCall, reduceCopilotEvent, type CopilotAnswer, type Proposal } from './copilotStream';

interface Exchange {
  question: string;
  answer: CopilotAnswer;
}

/**
 * The trading copilot: a question in, the answer streamed as the model writes it, with the data it
 * read cited and the actions it proposes, each made only when the user confirms it through the
 * normal API. Without a model configured the server says so (503) and nothing else happens.
 */
export function CopilotPage() {
  const { session } = useAuth();
  const [form] = Form.useForm<{ question: string }>();
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const conversation = useRef<string | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);

  const ask = async ({ question }: { question: string }) => {
    if (!session || !question.trim()) return;
    setError(null);
    setBusy(true);
    const index = exchanges.length;
    setExchanges((all) => [...all, { question, answer: EMPTY_ANSWER }]);
    const update = (answer: CopilotAnswer) =>
      setExchanges((all) => all.map((e, i) => (i === index ? { ...e, answer } : e)));
    controller.current = new AbortController();
    try {
      const response = await fetch('/api/copilot/chat', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${session.token}`,
          Accept: 'text/event-stream, application/problem+json',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ message: question, conversationId: conversation.current }),
        signal: controller.current.signal,
      });
      if (!response.ok || !response.body) throw new ApiError(await problemOf(response));
      let answer = EMPTY_ANSWER;
      const parser = new EventStreamParser((event) => {
        answer = reduceCopilotEvent(answer, event);
        update(answer);
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
      if (answer.conversationId) conversation.current = answer.conversationId;
      form.resetFields();
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) {
        setError(e);
        setExchanges((all) => all.filter((_, i) => i !== index));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3}>Copilot</Typography.Title>
      <Typography.Paragraph type="secondary">
        Ask about deals, exposure, prices, counterparties, credit and your tasks. The copilot only reads; an action it
        proposes happens when you confirm it.
      </Typography.Paragraph>
      <ProblemAlert error={error} title={error instanceof ApiError && error.status === 503 ? 'The copilot is not available' : undefined} />
      <List
        aria-label="Conversation"
        dataSource={exchanges}
        locale={{ emptyText: 'No questions yet.' }}
        renderItem={(exchange) => <ExchangeCard exchange={exchange} />}
      />
      <Form form={form} layout="vertical" onFinish={ask} disabled={busy}>
        <Form.Item
          name="question"
          label="Your question"
          rules={[{ required: true, whitespace: true, message: 'Write a question' }, { max: 4000 }]}
        >
          <Input.TextArea rows={3} placeholder="e.g. What is our copper exposure, and how much is hedged?" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            Ask
          </Button>
          {busy && (
            <Button disabled={false} onClick={() => controller.current?.abort()}>
              Stop
            </Button>
          )}
        </Space>
      </Form>
    </Space>
  );
}

function ExchangeCard({ exchange }: { exchange: Exchange }) {
  const { question, answer } = exchange;
  return (
    <List.Item>
      <Card style={{ width: '100%' }} size="small" title={question}>
        {answer.text ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{answer.text}</Typography.Paragraph>
        ) : (
          !answer.done && <Spin size="small" aria-label="The copilot is answering" />
        )}
        {answer.error && (
          <Alert type="warning" showIcon title={`The answer stopped: ${answer.error.cause}`} description={answer.error.reason} />
        )}
        {answer.citations.length > 0 && (
          <div aria-label="Sources">
            <Typography.Text strong>Sources</Typography.Text>
            <ol style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {answer.citations.map((c) => (
                <li key={c.n} value={c.n}>
                  <Tag>{c.tool}</Tag>
                  {c.source}
                </li>
              ))}
            </ol>
          </div>
        )}
        {answer.proposals.map((p, i) => (
          <ProposalRow key={i} proposal={p} />
        ))}
      </Card>
    </List.Item>
  );
}

function ProposalRow({ proposal }: { proposal: Proposal }) {
  const [state, setState] = useState<'idle' | 'running' | 'done'>('idle');
  const [error, setError] = useState<unknown>(null);
  const allowed = isApiCall(proposal);
  const run = async () => {
    setState('running');
    setError(null);
    try {
      await api(proposal.path, { method: proposal.method, body: proposal.body });
      setState('done');
      message.success(`${proposal.title}: done`);
    } catch (e) {
      setError(e);
      setState('idle');
    }
  };
  return (
    <Card size="small" type="inner" title={`Proposed: ${proposal.title}`} style={{ marginTop: 8 }}>
      <Typography.Text code>
        {proposal.method} {proposal.path}
      </Typography.Text>
      {proposal.body !== undefined && <pre style={{ margin: '8px 0' }}>{JSON.stringify(proposal.body, null, 2)}</pre>}
      <ProblemAlert error={error} />
      {allowed ? (
        <Popconfirm title="Make this call?" description={`${proposal.method} ${proposal.path}`} onConfirm={run} okText="Make it">
          <Button disabled={state !== 'idle'} loading={state === 'running'}>
            {state === 'done' ? 'Done' : 'Confirm'}
          </Button>
        </Popconfirm>
      ) : (
        <Typography.Text type="secondary">Not a call the web app makes for you.</Typography.Text>
      )}
    </Card>
  );
}
