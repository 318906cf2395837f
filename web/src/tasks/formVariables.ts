/** A component of a form-js schema, as far as submission cares. */
interface Component {
  type?: string;
  key?: string;
  id?: string;
  readonly?: unknown;
  disabled?: unknown;
  components?: Component[];
}

const NOT_INPUT = new Set(['text', 'html', 'table', 'image', 'spacer', 'separator', 'button', 'documentPreview', 'iframe']);

/**
 * The keys the task may be completed with: keyed components that are neither read-only nor
 * disabled, in groups too (the rule the server's TaskFormValidator applies).
 */
export function inputKeys(schema: { components?: Component[] }): string[] {
  const keys: string[] = [];
  const walk = (components: Component[] | undefined) => {
    for (const c of components ?? []) {
      if (c.components) walk(c.components);
      if (!c.key || NOT_INPUT.has(c.type ?? '')) continue;
      if (c.readonly === true || c.disabled === true) continue;
      keys.push(c.key);
    }
  };
  walk(schema.components);
  return keys;
}

/**
 * What to send to POST /api/tasks/{key}/complete: only the form's input fields, without values
 * left empty (null, undefined, blank text, empty lists), so that fields the form hid are not sent.
 */
export function submittableVariables(
  schema: { components?: Component[] },
  data: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of inputKeys(schema)) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result[key] = value;
  }
  return result;
}

/** The id of the component bound to `key`, for showing a server error on that field. */
export function componentIdOf(schema: { components?: Component[] }, key: string): string | undefined {
  let found: string | undefined;
  const walk = (components: Component[] | undefined) => {
    for (const c of components ?? []) {
      if (found) return;
      if (c.key === key && c.id) found = c.id;
      if (c.components) walk(c.components);
    }
  };
  walk(schema.components);
  return found;
}
