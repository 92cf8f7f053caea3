import { useCallback, useEffect, useState } from 'react';
import type { ApiAnswer } from './client';

/** Loads once on mount and again on `reload()`; keeps the last answer while reloading, so nothing flickers. */
export function useLoad<T>(load: () => Promise<ApiAnswer<T>>, keys: readonly unknown[]): { answer: ApiAnswer<T> | undefined; reload: () => void } {
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
  return { answer, reload: () => setRound((n) => n + 1) };
}
