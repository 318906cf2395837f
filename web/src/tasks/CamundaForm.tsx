import { useEffect, useRef, useState } from 'react';
import { Form as FormJs } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Alert, Button, Space } from 'antd';
import { ApiError, fieldErrors } from '../api/problem';
import { componentIdOf, submittableVariables } from './formVariables';

type Schema = { components?: unknown[] } & Record<string, unknown>;

interface Props {
  schema: Schema;
  data: Record<string, unknown>;
  readOnly?: boolean;
  submitLabel?: string;
  /** Sends the variables; a rejection with an ApiError naming a field shows it on that field. */
  onSubmit(variables: Record<string, unknown>): Promise<void>;
}

/**
 * A Camunda form (form-js schema from forms/*.form, as Tasklist renders it) with the task's
 * variables; submits only the form's input fields, shows the server's field errors on the fields.
 */
export function CamundaForm({ schema, data, readOnly, submitLabel = 'Complete task', onSubmit }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<FormJs | null>(null);
  const [busy, setBusy] = useState(false);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [importError, setImportError] = useState<string>();

  useEffect(() => {
    if (!container.current) return;
    const instance = new FormJs({ container: container.current, properties: { readOnly: !!readOnly } });
    form.current = instance;
    instance.importSchema(schema as never, data as never).catch((e: unknown) => {
      setImportError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      instance.destroy();
      form.current = null;
    };
  }, [schema, data, readOnly]);

  const submit = async () => {
    const instance = form.current;
    if (!instance) return;
    setUnplaced([]);
    const { data: values, errors } = instance.submit();
    if (Object.keys(errors).length > 0) return; // form-js shows them on the fields
    setBusy(true);
    try {
      await onSubmit(submittableVariables(schema as never, values as Record<string, unknown>));
    } catch (e) {
      if (e instanceof ApiError) {
        const byField = fieldErrors(e.problem);
        const errorsById: Record<string, string[]> = {};
        const elsewhere: string[] = [];
        for (const [field, message] of Object.entries(byField)) {
          const id = componentIdOf(schema as never, field);
          if (id) errorsById[id] = [message];
          else elsewhere.push(`${field}: ${message}`);
        }
        (instance as unknown as { _setState(s: unknown): void })._setState({ errors: errorsById });
        if (Object.keys(byField).length === 0) elsewhere.push(e.problem.detail ?? e.message);
        setUnplaced(elsewhere);
      } else {
        setUnplaced([e instanceof Error ? e.message : String(e)]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {importError && <Alert type="error" showIcon title="The form cannot be shown" description={importError} />}
      <div ref={container} className="camunda-form" data-testid="camunda-form" />
      {unplaced.length > 0 && (
        <Alert type="error" showIcon role="alert" title="The task was not completed" description={unplaced.join('; ')} style={{ margin: '8px 0' }} />
      )}
      {!readOnly && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" onClick={submit} loading={busy}>
            {submitLabel}
          </Button>
        </Space>
      )}
    </div>
  );
}
