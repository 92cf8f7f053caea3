import { HeartPictogram } from '../components/pictograms';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/** Closes the visit warmly; a touch anywhere leaves before the host's timer does. */
export function EndScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  return (
    <main className="screen screen--blue" data-screen="end">
      <button type="button" className="touch-surface" onClick={() => send({ type: 'END.DISMISS' })}>
        <HeartPictogram className="pictogram pictogram--hero pictogram--accent" />
        <span className="title">{t('end.title')}</span>
        <span className="lead">{t('end.privacy')}</span>
        <span className="hint">{t('end.dismiss')}</span>
      </button>
    </main>
  );
}
