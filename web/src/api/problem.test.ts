import { describe as suite, expect, it } from 'vitest';
import { ApiError, describe, fieldErrors, problemOf } from './problem';

suite('problem details', () => {
  it('reads the field errors the API names, without repeating the field in the message', () => {
    const problem = {
      status: 400,
      title: 'Invalid input',
      detail: 'creditLimit.amount: must not be negative',
      field: 'creditLimit.amount',
      errors: [{ field: 'creditLimit.amount', message: 'creditLimit.amount: must not be negative' }],
    };
    expect(fieldErrors(problem)).toEqual({ 'creditLimit.amount': 'must not be negative' });
  });

  it('falls back to field and detail when errors are absent', () => {
    expect(fieldErrors({ status: 400, field: 'approvedLots', detail: 'approvedLots: is required' })).toEqual({
      approvedLots: 'is required',
    });
    expect(fieldErrors({ status: 404, detail: 'No user task 1' })).toEqual({});
    expect(fieldErrors(undefined)).toEqual({});
  });

  it('reads problem+json, other JSON and plain text bodies', async () => {
    const json = new Response(JSON.stringify({ title: 'Conflict', status: 409, detail: 'taken' }), {
      status: 409,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    expect(await problemOf(json)).toMatchObject({ status: 409, title: 'Conflict', detail: 'taken' });
    const text = new Response('gateway down', { status: 502, statusText: 'Bad Gateway' });
    expect(await problemOf(text)).toEqual({ status: 502, title: 'Bad Gateway', detail: 'gateway down' });
    const empty = new Response(null, { status: 503 });
    expect((await problemOf(empty)).status).toBe(503);
  });

  it('describes an API error by its detail', () => {
    expect(describe(new ApiError({ status: 403, title: 'Forbidden', detail: 'Not your task.' }))).toBe('Not your task.');
    expect(describe(new ApiError({ status: 500, title: 'Server error' }))).toBe('Server error');
    expect(describe(new Error('boom'))).toBe('boom');
  });
});
