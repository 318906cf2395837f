import { describe, expect, it } from 'vitest';
import { EventStreamParser, type ServerEvent } from './sse';

describe('event stream parser', () => {
  it('hands out complete events across chunk boundaries, skipping comments', () => {
    const events: ServerEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e));
    parser.push(':connected\n\nevent:domain\nda');
    parser.push('ta:{"type":"task.created","id":"1"}\n');
    expect(events).toEqual([]);
    parser.push('\r\n:heartbeat\n\ndata: a\ndata: b\nid: 7\n\n');
    expect(events).toEqual([
      { event: 'domain', data: '{"type":"task.created","id":"1"}', id: undefined },
      { event: 'message', data: 'a\nb', id: '7' },
    ]);
  });
});
