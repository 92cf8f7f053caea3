import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionSnapshotSchema, type SessionSnapshot } from '../../../common/snapshot';
import { ScreenForSnapshot } from '../App';
import { HandBanner } from './HandBanner';
import '../styles/kioskStyles';

/**
 * The mirror framed in the agent page: the kiosk's own screens and hand banner, drawn from the
 * snapshots the agent page posts (same origin, its parent only), touched by nobody: the agent acts
 * with the agent page's buttons, which the host checks.
 */
function Mirror() {
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);
  useEffect(() => {
    const receive = (event: MessageEvent) => {
      if (event.origin !== location.origin || event.source !== window.parent) return;
      const parsed = SessionSnapshotSchema.safeParse(event.data);
      if (parsed.success) setSnapshot(parsed.data);
    };
    window.addEventListener('message', receive);
    window.parent.postMessage('mirror-ready', location.origin);
    return () => window.removeEventListener('message', receive);
  }, []);
  useEffect(() => {
    if (snapshot) document.documentElement.lang = snapshot.language;
  }, [snapshot]);
  if (!snapshot) return null;
  const ignore = () => {};
  return (
    <>
      <HandBanner snapshot={snapshot} send={ignore} />
      <div className="screen-host">
        <ScreenForSnapshot snapshot={snapshot} send={ignore} />
      </div>
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('mirror.html has no #root element');
// Nothing in the mirror can be touched or focused: it is a picture of the citizen's screen.
root.inert = true;
createRoot(root).render(<StrictMode><Mirror /></StrictMode>);
