import { useEffect, useRef } from 'react';
import type { ConsoleSession } from './api/shapes';
import { Alerts } from './pages/Alerts';
import { Audit } from './pages/Audit';
import { Enrolment } from './pages/Enrolment';
import { FleetList } from './pages/FleetList';
import { KioskPage } from './pages/KioskPage';
import { Statistics } from './pages/Statistics';
import { Updates } from './pages/Updates';
import { Users } from './pages/Users';
import { may } from './roles';
import { navigate, useCurrentPage, type Page } from './router';
import { TEXTS } from './texts';

const SECTIONS: { page: Page['name']; label: string; shown: (session: ConsoleSession) => boolean }[] = [
  { page: 'fleet', label: TEXTS.nav.fleet, shown: () => true },
  { page: 'alerts', label: TEXTS.nav.alerts, shown: () => true },
  { page: 'statistics', label: TEXTS.nav.statistics, shown: () => true },
  { page: 'enrolment', label: TEXTS.nav.enrolment, shown: (s) => may(s.role, 'manageEnrolment') },
  { page: 'updates', label: TEXTS.nav.updates, shown: () => true },
  { page: 'users', label: TEXTS.nav.users, shown: (s) => may(s.role, 'manageAccounts') },
  { page: 'audit', label: TEXTS.nav.audit, shown: (s) => may(s.role, 'readAudit') },
];

/** Header with who is logged in, the sections this role may open, and the current page. */
export function Layout({ session, onLogout }: { session: ConsoleSession; onLogout: () => void }) {
  const page = useCurrentPage();
  const mainRef = useRef<HTMLElement>(null);
  // After a navigation, focus goes to the new page's content, as a page load would put it.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else mainRef.current?.focus();
  }, [page]);
  const current = page.name === 'kiosk' ? 'fleet' : page.name;
  return (
    <>
      <a className="skip" href="#content">{TEXTS.skipToContent}</a>
      <header className="top">
        <span className="brand">{TEXTS.appName}</span>
        <nav aria-label={TEXTS.nav.label}>
          <ul>
            {SECTIONS.filter((s) => s.shown(session)).map((section) => (
              <li key={section.page}>
                <a
                  href={section.page === 'fleet' ? '/' : `/${section.page}`}
                  aria-current={current === section.page ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ name: section.page } as Page);
                  }}
                >
                  {section.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">{TEXTS.session.signedInAs(session.username, TEXTS.roles[session.role] ?? session.role)}</span>
        <button type="button" onClick={onLogout}>{TEXTS.session.logout}</button>
      </header>
      <main id="content" ref={mainRef} tabIndex={-1}>
        <PageView page={page} session={session} />
      </main>
    </>
  );
}

function PageView({ page, session }: { page: Page; session: ConsoleSession }) {
  switch (page.name) {
    case 'kiosk': return <KioskPage id={page.id} session={session} />;
    case 'alerts': return <Alerts session={session} />;
    case 'statistics': return <Statistics />;
    case 'enrolment': return <Enrolment />;
    case 'updates': return <Updates session={session} />;
    case 'users': return <Users />;
    case 'audit': return <Audit />;
    default: return <FleetList session={session} />;
  }
}
