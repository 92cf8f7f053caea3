import { useEffect, useState } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/** True when the person's system asks for less motion; follows the setting if it changes. */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia?.(QUERY).matches ?? false);
  useEffect(() => {
    const media = window.matchMedia?.(QUERY);
    if (!media) return;
    const follow = () => setReduced(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return reduced;
}

/** An index that goes 0, 1, … count − 1, 0… every `intervalMs`, or stays at 0 when `still`. */
export function useCycle(count: number, intervalMs: number, still: boolean): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    setIndex(0);
    if (still || count < 2) return;
    const timer = setInterval(() => setIndex((shown) => (shown + 1) % count), intervalMs);
    return () => clearInterval(timer);
  }, [count, intervalMs, still]);
  return index;
}
