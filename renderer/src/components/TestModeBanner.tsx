import type { SessionSnapshot } from '../../../common/snapshot';
import { useText } from '../i18n/useText';
import { RemotePictogram } from './pictograms';

/**
 * While test automation can drive the kiosk (`snapshot.testAutomation`), every screen says so, so
 * nobody mistakes a test kiosk for one in service. A slim strip with its own room above the screen:
 * it hides no control and catches no touch. The words and the hatched edge carry the meaning, the
 * yellow only draws the eye.
 */
export function TestModeBanner({ snapshot }: { snapshot: Pick<SessionSnapshot, 'testAutomation' | 'language'> }) {
  const t = useText(snapshot.language);
  if (!snapshot.testAutomation) return null;
  return (
    <div className="test-mode-banner" role="note" data-notice="test-automation">
      <RemotePictogram className="test-mode-banner__icon" />
      <span>{t('testMode.banner')}</span>
    </div>
  );
}
