import type { Problem } from '../api/problem';
import { fieldErrors } from '../api/problem';

/** A field path as the API names it ("creditLimit.amount", "owners[0]") as an Ant Design name path. */
export function namePath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(part);
      continue;
    }
    if (match[1]) path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

/**
 * The problem's field errors for Form.setFields, restricted to fields the form has (`known`, top-level
 * names); the rest is returned apart to be shown above the form.
 */
export function formFieldErrors(
  problem: Problem | undefined,
  known: string[],
): { fields: { name: (string | number)[]; errors: string[] }[]; other: string[] } {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const other: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors(problem))) {
    const name = namePath(field);
    if (known.includes(String(name[0]))) fields.push({ name, errors: [message] });
    else other.push(`${field}: ${message}`);
  }
  return { fields, other };
}
