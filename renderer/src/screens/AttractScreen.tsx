import { InOtherLanguages } from '../components/InOtherLanguages';
import { TouchPictogram } from '../components/pictograms';
import { useText } from '../i18n/useText';
import { otherLanguages, type ScreenProps } from './screenProps';

/** Between visits: the whole screen is one button, so any touch starts a visit. */
export function AttractScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  return (
    <main className="screen screen--blue" data-screen="attract">
      <button type="button" className="touch-surface" onClick={() => send({ type: 'SESSION.START' })}>
        <TouchPictogram className="pictogram pictogram--hero pictogram--pulse" />
        <span className="title">{t('attract.title')}</span>
        <span className="lead">{t('attract.invitation')}</span>
        <InOtherLanguages languages={otherLanguages(snapshot)} texts={['attract.invitation']} className="lead" />
      </button>
    </main>
  );
}
