// Whether the cabinet is showing last-seen data because the network is gone (navigator.onLine, or the
// service worker's `x-domhub-offline` answers). Read with useOffline(); the shell shows "нет связи".
import { useSyncExternalStore } from 'react';

let servedFromCache = false;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

export function setOffline(value: boolean) {
  if (servedFromCache !== value) {
    servedFromCache = value;
    notify();
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOffline(): boolean {
  // A prerendered page is rendered online; the browser hydrates it so and then reads the network's state.
  return useSyncExternalStore(
    subscribe,
    () => servedFromCache || !navigator.onLine,
    () => false,
  );
}
