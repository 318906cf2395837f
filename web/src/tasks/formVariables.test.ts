import { describe, expect, it } from 'vitest';
import { componentIdOf, inputKeys, submittableVariables } from './formVariables';

const schema = {
  components: [
    { type: 'text', id: 'intro', text: '## Approve' },
    {
      type: 'group',
      id: 'leg',
      components: [
        { type: 'textfield', id: 'deal', key: 'dealId', readonly: true },
        { type: 'number', id: 'lots', key: 'suggestedLots', readonly: true },
      ],
    },
    { type: 'radio', id: 'decision', key: 'hedgeDecision' },
    { type: 'number', id: 'approved', key: 'approvedLots' },
    { type: 'textarea', id: 'reason', key: 'hedgeRejectionReason' },
    { type: 'checklist', id: 'flags', key: 'flags' },
    { type: 'textfield', id: 'computed', key: 'computed', disabled: true },
  ],
};

describe('form variables', () => {
  it('lists the input fields the server accepts: keyed, not read-only, not disabled, groups included', () => {
    expect(inputKeys(schema)).toEqual(['hedgeDecision', 'approvedLots', 'hedgeRejectionReason', 'flags']);
  });

  it('submits only input fields with a value', () => {
    const data = {
      dealId: 'D-1',
      suggestedLots: 4,
      hedgeDecision: 'ADJUST',
      approvedLots: 3,
      hedgeRejectionReason: '  ',
      flags: [],
      computed: 'x',
      stray: 1,
    };
    expect(submittableVariables(schema, data)).toEqual({ hedgeDecision: 'ADJUST', approvedLots: 3 });
    expect(submittableVariables(schema, { hedgeDecision: 'APPROVE', approvedLots: 0 })).toEqual({
      hedgeDecision: 'APPROVE',
      approvedLots: 0,
    });
  });

  it('finds the component that shows a field named by the server', () => {
    expect(componentIdOf(schema, 'approvedLots')).toBe('approved');
    expect(componentIdOf(schema, 'dealId')).toBe('deal');
    expect(componentIdOf(schema, 'nope')).toBeUndefined();
  });
});
