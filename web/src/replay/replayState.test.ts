import { describe, expect, it } from 'vitest';
import { describeStep, diagramState, processDefinitionKeyOf, replaySteps, type History, type HistoryEvent } from './replayState';

let position = 0;
function event(valueType: string, intent: string, elementId: string | null, extra: Partial<HistoryEvent> = {}): HistoryEvent {
  position += 1;
  return {
    position,
    timestamp: '2026-11-24T14:00:00Z',
    valueType,
    intent,
    key: position,
    elementId,
    elementType: null,
    bpmnProcessId: 'onboarding',
    actor: null,
    value: { processDefinitionKey: 42 },
    ...extra,
  };
}

const history: History = {
  processInstanceKey: 1,
  bpmnProcessId: 'onboarding',
  events: [
    event('VARIABLE', 'CREATED', null),
    event('PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', 'onboarding'),
    event('PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', 'start'),
    event('PROCESS_INSTANCE', 'ELEMENT_COMPLETED', 'start'),
    event('PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', 'flow-1'),
    event('PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', 'screen'),
    event('INCIDENT', 'CREATED', 'screen', { key: 900, value: { errorMessage: 'lists unavailable' } }),
    event('INCIDENT', 'RESOLVED', 'screen', { key: 900 }),
    event('PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', 'called-start', { bpmnProcessId: 'other' }),
    event('PROCESS_INSTANCE', 'ELEMENT_COMPLETED', 'screen'),
    event('USER_TASK', 'COMPLETED', 'decide', { actor: 'compliance' }),
  ],
};

describe('replay', () => {
  const steps = replaySteps(history);

  it('steps through element, flow, task and incident events, not variables', () => {
    expect(steps.map((s) => s.elementId)).toEqual([
      'onboarding', 'start', 'start', 'flow-1', 'screen', 'screen', 'screen', 'called-start', 'screen', 'decide',
    ]);
  });

  it('colours elements by their state after each step', () => {
    const afterActivation = diagramState(steps, 5, 'onboarding');
    expect([...afterActivation.active]).toEqual(['onboarding', 'screen']);
    expect([...afterActivation.completed]).toEqual(['start']);
    expect([...afterActivation.taken]).toEqual(['flow-1']);

    expect([...diagramState(steps, 6, 'onboarding').incidents]).toEqual(['screen']);
    expect([...diagramState(steps, 7, 'onboarding').incidents]).toEqual([]);

    const end = diagramState(steps, steps.length, 'onboarding');
    expect(end.active.has('screen')).toBe(false);
    expect(end.completed.has('screen')).toBe(true);
    expect(end.active.has('called-start')).toBe(false); // another process's element
    expect(diagramState(steps, 0, 'onboarding').active.size).toBe(0);
  });

  it('keeps a looped element active until its last activation ends', () => {
    const loop = [
      event('PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', 'review'),
      event('PROCESS_INSTANCE', 'ELEMENT_COMPLETED', 'review'),
      event('PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', 'review'),
    ];
    const state = diagramState(loop, 3, 'onboarding');
    expect(state.active.has('review')).toBe(true);
    expect(state.completed.has('review')).toBe(true);
  });

  it('finds the definition and describes steps', () => {
    expect(processDefinitionKeyOf(history)).toBe('42');
    expect(describeStep(steps[9])).toBe('user task decide completed by compliance');
    expect(describeStep(steps[5])).toBe('incident created at screen: lists unavailable');
  });
});
