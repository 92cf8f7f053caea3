import { WaitingDots } from '../components/pictograms';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/** Shown while the host erases the visit; blue like the end and attract screens it sits between. */
export function WipeScreen({ snapshot }: Pick<ScreenProps, 'snapshot'>) {
  const t = useText(snapshot.language);
  return (
    <main className="screen screen--blue" data-screen="wipe">
      <p className="title" role="status">{t('wipe.title')}</p>
      <WaitingDots />
    </main>
  );
}
