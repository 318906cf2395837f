import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy* and waitFor wait up to 10 s, not 1 s: the suite also runs on small, busy build machines
configure({ asyncUtilTimeout: 10_000 });

// antd's responsive helpers ask for matchMedia, which jsdom lacks
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

// antd's text areas and lists observe their size; jsdom lays nothing out, so there is nothing to report
if (!('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { value: NoLayoutResizeObserver });
  Object.defineProperty(globalThis, 'ResizeObserver', { value: NoLayoutResizeObserver });
}

// Testing Library unmounts after each test by itself only with Vitest globals
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
afterEach(() => cleanup());
