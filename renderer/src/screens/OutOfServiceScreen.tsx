import { InOtherLanguages } from '../components/InOtherLanguages';
import { ClockPictogram } from '../components/pictograms';
import { useText } from '../i18n/useText';
import { otherLanguages, type ScreenProps } from './screenProps';

/** The kiosk cannot serve anyone: say so calmly, with no technical detail, and point to a person. */
export function OutOfServiceScreen({ snapshot }: Pick<ScreenProps, 'snapshot'>) {
  const t = useText(snapshot.language);
  const others = otherLanguages(snapshot);
  return (
    <main className="screen screen--quiet" data-screen="out-of-service">
      <ClockPictogram className="pictogram" />
      <h1 className="title">{t('outOfService.title')}</h1>
      <p className="lead">{t('outOfService.detail')}</p>
      <p className="lead">{t('outOfService.help')}</p>
      {others.length > 0 && (
        <p className="other-languages-block">
          <InOtherLanguages languages={others} texts={['outOfService.title', 'outOfService.help']} />
        </p>
      )}
    </main>
  );
}
