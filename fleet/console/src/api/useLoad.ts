import { useCallback, useEffect, useState } from 'react';
import type { ApiAnswer } from './client';

/** How often live pages ask again: about a kiosk heartbeat (30 s), so "online" is never much older than the server's view. */
export const REFRESH_MS = 30_000;

/**
 * Loads on mount, again on `reload()`, and every `everyMs` when given (the fleet changes while the page
 * is open: a kiosk goes offline, a command gets its result). Keeps the last answer while reloading, so
 * nothing flickers.
 */
export function useLoad<T>(load: () => Promise<ApiAnswer<T>>, keys: readonly unknown[], everyMs?: number): { answer: ApiAnswer<T> | undefined; reload: () => void } {
  const [answer, setAnswer] = useState<ApiAnswer<T>>();
  const [round, setRound] = useState(0);
  const stable = useCallback(load, keys);
  useEffect(() => {
    let current = true;
    void stable().then((next) => {
      if (current) setAnswer(next);
    });
    return () => {
      current = false;
    };
  }, [stable, round]);
  useEffect(() => {
    if (!everyMs) return undefined;
    const timer = setInterval(() => setRound((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return { answer, reload: () => setRound((n) => n + 1) };
}
