import { useEffect } from 'react';
import { textDirection } from '../../common/language';
import { useActivityReport } from './activity/useActivityReport';
import { useHeartbeat } from './activity/useHeartbeat';
import { usePaintedReport } from './activity/usePaintedReport';
import { AdminCorner } from './admin/AdminCorner';
import { agentHasHand, HandBanner } from './assist/HandBanner';
import { useKiosk } from './bridge/useKiosk';
import { AccessControl, ACCESS_SCREENS } from './access/AccessControl';
import { useDisplayPreferences } from './access/displayPreferences';
import { OnScreenKeyboard } from './keyboard/OnScreenKeyboard';
import { IdleWarningDialog } from './components/IdleWarningDialog';
import { TestModeBanner } from './components/TestModeBanner';
import { AdminPanelScreen } from './screens/AdminPanelScreen';
import { AdminPinScreen } from './screens/AdminPinScreen';
import { AttractScreen } from './screens/AttractScreen';
import { ConsentScreen } from './screens/ConsentScreen';
import { ConnectingScreen } from './screens/ConnectingScreen';
import { EndScreen } from './screens/EndScreen';
import { GuideScreen } from './screens/GuideScreen';
import { HomeScreen } from './screens/HomeScreen';
import { LanguageScreen } from './screens/LanguageScreen';
import { MeasureScreen } from './screens/MeasureScreen';
import { OutOfServiceScreen } from './screens/OutOfServiceScreen';
import { SiteScreen } from './screens/SiteScreen';
import type { ScreenProps } from './screens/screenProps';
import { WipeScreen } from './screens/WipeScreen';

/** The screen for the host's snapshot: `snapshot.screen` decides, nothing else. */
export function ScreenForSnapshot({ snapshot, send }: ScreenProps) {
  switch (snapshot.screen) {
    case 'attract': return <AttractScreen snapshot={snapshot} send={send} />;
    case 'language': return <LanguageScreen snapshot={snapshot} send={send} />;
    case 'home': return <HomeScreen snapshot={snapshot} send={send} />;
    case 'measure': return <MeasureScreen snapshot={snapshot} send={send} />;
    case 'site': return <SiteScreen snapshot={snapshot} send={send} />;
    case 'end': return <EndScreen snapshot={snapshot} send={send} />;
    case 'consent': return <ConsentScreen snapshot={snapshot} send={send} />;
    case 'guide': return <GuideScreen snapshot={snapshot} send={send} />;
    case 'wipe': return <WipeScreen snapshot={snapshot} />;
    case 'out-of-service': return <OutOfServiceScreen snapshot={snapshot} />;
    case 'admin-pin': return <AdminPinScreen snapshot={snapshot} send={send} />;
    case 'admin-panel': return <AdminPanelScreen snapshot={snapshot} send={send} />;
  }
}

export function App() {
  // The store drops the snapshot when the bridge goes down, so "no snapshot" covers both cases.
  const { snapshot: shown, send } = useKiosk();
  const screen = shown?.screen ?? null;
  const reportActivity = useActivityReport(screen, send);
  usePaintedReport(screen, send);
  useHeartbeat(shown !== null, send);

  useDisplayPreferences(shown?.display);
  const language = shown?.language ?? 'fr';
  useEffect(() => {
    document.documentElement.lang = language;
    // Arabic mirrors every screen: the stylesheets use logical properties (start, end), never left or right.
    document.documentElement.dir = textDirection(language);
  }, [language]);

  if (!shown) return <ConnectingScreen />;
  const warning = shown.idleWarning;
  return (
    <>
      {/* Outside the screen, so it stays on every screen, above the idle warning too. */}
      <TestModeBanner snapshot={shown} />
      <HandBanner snapshot={shown} send={send} />
      {/* Behind the idle warning nothing can be touched or focused: the dialog's button is the only answer.
          While an agent has the hand, the screen is theirs to drive: the banner's button takes it back. */}
      <div className="screen-host" inert={warning !== null || agentHasHand(shown)}>
        <ScreenForSnapshot snapshot={shown} send={send} />
        {ACCESS_SCREENS.includes(shown.screen) && <AccessControl snapshot={shown} send={send} />}
      </div>
      {/* Under the screen, in the column: it takes its room from the screen and never lies over it. */}
      <OnScreenKeyboard language={shown.language} />
      {warning && (
        <IdleWarningDialog secondsLeft={warning.secondsLeft} language={shown.language} onStillHere={reportActivity} />
      )}
      {/* Last, so it lies above every screen and the idle warning; the host decides what the gesture opens. */}
      <AdminCorner onGesture={() => send({ type: 'ADMIN.OPEN' })} />
    </>
  );
}
