/** One event of GET /api/process-instances/{key}/history. */
export interface HistoryEvent {
  position: number;
  timestamp: string;
  valueType: string;
  intent: string;
  key: number;
  elementId: string | null;
  elementType: string | null;
  bpmnProcessId: string | null;
  actor: string | null;
  value: Record<string, unknown>;
}

export interface History {
  processInstanceKey: number;
  bpmnProcessId: string;
  events: HistoryEvent[];
}

/** What the diagram shows after some of the events: element ids by state. */
export interface DiagramState {
  active: Set<string>;
  completed: Set<string>;
  terminated: Set<string>;
  taken: Set<string>;
  incidents: Set<string>;
}

/** The events worth a step of the replay: element and flow changes, tasks, incidents, messages, timers. */
export function replaySteps(history: History): HistoryEvent[] {
  return history.events.filter(
    (e) =>
      e.valueType === 'PROCESS_INSTANCE' ||
      e.valueType === 'USER_TASK' ||
      e.valueType === 'INCIDENT' ||
      e.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' ||
      e.valueType === 'TIMER',
  );
}

/**
 * The state of the instance's own diagram (`bpmnProcessId`; called instances have theirs) after the
 * first `count` steps. An element activated again (a loop) is active until its latest activation
 * completes; a resolved incident is no longer marked.
 */
export function diagramState(steps: HistoryEvent[], count: number, bpmnProcessId: string): DiagramState {
  const activeCount = new Map<string, number>();
  const state: DiagramState = {
    active: new Set(),
    completed: new Set(),
    terminated: new Set(),
    taken: new Set(),
    incidents: new Set(),
  };
  const incidentElements = new Map<number, string>();
  for (const e of steps.slice(0, Math.max(0, count))) {
    if (!e.elementId || (e.bpmnProcessId && e.bpmnProcessId !== bpmnProcessId)) continue;
    const id = e.elementId;
    if (e.valueType === 'PROCESS_INSTANCE') {
      if (e.intent === 'SEQUENCE_FLOW_TAKEN') state.taken.add(id);
      else if (e.intent === 'ELEMENT_ACTIVATED') activeCount.set(id, (activeCount.get(id) ?? 0) + 1);
      else if (e.intent === 'ELEMENT_COMPLETED' || e.intent === 'ELEMENT_TERMINATED') {
        activeCount.set(id, Math.max(0, (activeCount.get(id) ?? 0) - 1));
        (e.intent === 'ELEMENT_COMPLETED' ? state.completed : state.terminated).add(id);
      }
    } else if (e.valueType === 'INCIDENT') {
      if (e.intent === 'CREATED') {
        incidentElements.set(e.key, id);
        state.incidents.add(id);
      } else if (e.intent === 'RESOLVED') {
        const element = incidentElements.get(e.key) ?? id;
        incidentElements.delete(e.key);
        if (![...incidentElements.values()].includes(element)) state.incidents.delete(element);
      }
    }
  }
  for (const [id, n] of activeCount) if (n > 0) state.active.add(id);
  return state;
}

/** The process definition the instance ran on, from its events. */
export function processDefinitionKeyOf(history: History): string | undefined {
  const own = history.events.find(
    (e) => e.valueType === 'PROCESS_INSTANCE' && e.bpmnProcessId === history.bpmnProcessId && e.value?.processDefinitionKey != null,
  );
  return own ? String(own.value.processDefinitionKey) : undefined;
}

/** One line describing a step. */
export function describeStep(e: HistoryEvent): string {
  const what = e.elementId ?? e.valueType.toLowerCase();
  const intent = e.intent.toLowerCase().replace(/_/g, ' ');
  const by = e.actor ? ` by ${e.actor}` : '';
  if (e.valueType === 'INCIDENT') {
    const reason = typeof e.value?.errorMessage === 'string' ? `: ${e.value.errorMessage}` : '';
    return `incident ${intent} at ${what}${reason}`;
  }
  if (e.valueType === 'USER_TASK') return `user task ${what} ${intent}${by}`;
  return `${what} ${intent}${by}`;
}
