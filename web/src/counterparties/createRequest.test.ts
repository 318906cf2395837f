import { describe, expect, it } from 'vitest';
import { createRequest } from './CounterpartyList';

describe('new counterparty request', () => {
  it('sends owners one per line, trimmed, and the credit limit only when given', () => {
    expect(
      createRequest({ name: 'Andes Cobre', type: 'ENTITY', country: 'CL', ultimateBeneficialOwners: ' Ana Ruiz \n\nLuis Paz', ownershipDisclosed: true }),
    ).toEqual({ name: 'Andes Cobre', type: 'ENTITY', country: 'CL', ultimateBeneficialOwners: ['Ana Ruiz', 'Luis Paz'], ownershipDisclosed: true });
    expect(createRequest({ name: 'X', type: 'VESSEL', country: 'PA', creditLimit: { amount: 0, currency: 'EUR' } }).creditLimit).toEqual({
      amount: 0,
      currency: 'EUR',
    });
  });
});
