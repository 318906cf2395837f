import { describe, expect, it } from 'vitest';
import { formFieldErrors, namePath } from './formErrors';

describe('form errors', () => {
  it('turns the API\'s field paths into name paths', () => {
    expect(namePath('creditLimit.amount')).toEqual(['creditLimit', 'amount']);
    expect(namePath('ultimateBeneficialOwners[2]')).toEqual(['ultimateBeneficialOwners', 2]);
    expect(namePath('payables[0].gradeBands[1].fromGrade')).toEqual(['payables', 0, 'gradeBands', 1, 'fromGrade']);
    expect(namePath('name')).toEqual(['name']);
  });

  it('puts errors on known fields and the rest apart', () => {
    const problem = { status: 400, field: 'creditLimit.currency', detail: "creditLimit.currency: 'XXX' is not an ISO 4217 currency code" };
    expect(formFieldErrors(problem, ['name', 'creditLimit'])).toEqual({
      fields: [{ name: ['creditLimit', 'currency'], errors: ["'XXX' is not an ISO 4217 currency code"] }],
      other: [],
    });
    expect(formFieldErrors({ status: 400, field: 'requestId', detail: 'requestId: too long' }, ['name']).other).toEqual([
      'requestId: too long',
    ]);
  });
});
