import { useEffect, useRef, useState } from 'react';
import type { SessionSnapshot } from '../../../common/snapshot';
import { AGENT_PATHS } from '../../../common/assist';

/** The kiosk's screen size the mirror is drawn at, then scaled down to fit the card. */
const KIOSK_WIDTH = 1920;
const KIOSK_HEIGHT = 1080;

/**
 * The citizen's screen as the kiosk draws it (the mirror page: the kiosk's own screen components), in
 * a frame scaled to the card. It gets each snapshot by postMessage, to its own origin only.
 */
export function MirrorFrame({ snapshot, title }: { snapshot: SessionSnapshot; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [scale, setScale] = useState(1 / 3);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin === location.origin && event.source === frame.current?.contentWindow && event.data === 'mirror-ready') setReady(true);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  useEffect(() => {
    if (ready) frame.current?.contentWindow?.postMessage(snapshot, location.origin);
  }, [ready, snapshot]);
  useEffect(() => {
    const element = box.current;
    // Without ResizeObserver (jsdom), the frame keeps a third of the kiosk's size.
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setScale(element.clientWidth / KIOSK_WIDTH));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="mirror-frame" ref={box} style={{ height: KIOSK_HEIGHT * scale }}>
      <iframe ref={frame} src={AGENT_PATHS.mirror} title={title} tabIndex={-1}
        style={{ width: KIOSK_WIDTH, height: KIOSK_HEIGHT, transform: `scale(${scale})` }} />
    </div>
  );
}
