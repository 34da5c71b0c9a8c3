/**
 * Browser APIs jsdom lacks that Ant Design uses (matchMedia for the responsive grid, ResizeObserver), for
 * the component tests. Runs before every test file; harmless in the node environment.
 */
if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    class NoResize {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoResize });
    Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: NoResize });
  }
  window.scrollTo = () => undefined;
}
