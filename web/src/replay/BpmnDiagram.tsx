import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { Alert, Spin } from 'antd';
import type { DiagramState } from './replayState';

const MARKERS = {
  active: 'replay-active',
  completed: 'replay-completed',
  terminated: 'replay-terminated',
  taken: 'replay-taken',
  incidents: 'replay-incident',
} as const;

interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  zoom(level: string): void;
}
interface Registry {
  get(id: string): unknown;
}

/**
 * The BPMN diagram (bpmn-js viewer, with its bpmn.io watermark as the licence asks) with the
 * elements of `state` marked: active, completed, terminated, taken flows, incidents.
 */
export function BpmnDiagram({ xml, state }: { xml: string; state: DiagramState }) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const marked = useRef<[string, string][]>([]);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!container.current) return;
    const instance = new NavigatedViewer({ container: container.current });
    viewer.current = instance;
    setReady(false);
    instance
      .importXML(xml)
      .then(() => {
        (instance.get('canvas') as Canvas).zoom('fit-viewport');
        marked.current = [];
        setReady(true);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      instance.destroy();
      viewer.current = null;
    };
  }, [xml]);

  useEffect(() => {
    if (!ready || !viewer.current) return;
    const canvas = viewer.current.get('canvas') as Canvas;
    const registry = viewer.current.get('elementRegistry') as Registry;
    for (const [id, marker] of marked.current) canvas.removeMarker(id, marker);
    const next: [string, string][] = [];
    for (const [kind, marker] of Object.entries(MARKERS) as [keyof DiagramState, string][]) {
      for (const id of state[kind]) {
        if (!registry.get(id)) continue;
        // a completed element that is active again shows as active
        if (kind === 'completed' && state.active.has(id)) continue;
        canvas.addMarker(id, marker);
        next.push([id, marker]);
      }
    }
    marked.current = next;
  }, [state, ready]);

  return (
    <div style={{ position: 'relative' }}>
      {error && <Alert type="error" showIcon title="The diagram cannot be drawn" description={error} />}
      {!ready && !error && <Spin style={{ position: 'absolute', top: '45%', left: '50%' }} />}
      <div ref={container} className="replay-canvas" data-testid="bpmn-diagram" aria-label="Process diagram" role="img" />
    </div>
  );
}
