import { useEffect, useState } from 'react';

/**
 * The console's pages are plain paths (`/kiosks/<id>`), served by the fleet server's SPA fallback, so a
 * reload or a shared link opens the same page.
 */
export type Page =
  | { name: 'fleet' }
  | { name: 'kiosk'; id: string }
  | { name: 'alerts' }
  | { name: 'statistics' }
  | { name: 'enrolment' }
  | { name: 'updates' }
  | { name: 'users' }
  | { name: 'audit' };

export function pageOf(pathname: string): Page {
  const kiosk = /^\/kiosks\/([^/]+)$/.exec(pathname);
  if (kiosk) return { name: 'kiosk', id: decodeURIComponent(kiosk[1]!) };
  const name = pathname.replace(/^\//, '');
  if (name === 'alerts' || name === 'statistics' || name === 'enrolment' || name === 'updates' || name === 'users' || name === 'audit') return { name };
  return { name: 'fleet' };
}

export function pathOf(page: Page): string {
  return page.name === 'kiosk' ? `/kiosks/${encodeURIComponent(page.id)}` : page.name === 'fleet' ? '/' : `/${page.name}`;
}

const NAVIGATED = 'borne:navigated';

export function navigate(page: Page): void {
  history.pushState(null, '', pathOf(page));
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useCurrentPage(): Page {
  const [page, setPage] = useState(() => pageOf(location.pathname));
  useEffect(() => {
    const update = () => setPage(pageOf(location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return page;
}
