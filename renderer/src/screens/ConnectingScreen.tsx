import { LANGUAGES } from '../../../common/language';
import { InOtherLanguages } from '../components/InOtherLanguages';
import { WaitingDots } from '../components/pictograms';
import { textIn } from '../i18n/useText';

/**
 * Before the first snapshot, or while the host is out of reach. No snapshot means no language
 * chosen yet, so every language is shown, French first.
 */
export function ConnectingScreen() {
  const t = textIn('fr');
  const others = LANGUAGES.filter((language) => language !== 'fr');
  return (
    <main className="screen screen--quiet" data-screen="connecting">
      <p className="title" role="status">
        {t('connecting.title')}
      </p>
      <WaitingDots />
      <p className="lead">{t('connecting.detail')}</p>
      <p className="other-languages-block">
        <InOtherLanguages languages={others} texts={['connecting.detail']} />
      </p>
    </main>
  );
}
