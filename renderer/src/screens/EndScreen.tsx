import { SATISFACTION_RATINGS } from '../../../common/visit-views';
import { HeartPictogram } from '../components/pictograms';
import { FacePictogram } from '../components/visitPictograms';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/**
 * Closes the visit warmly, with one optional question answered by a single touch. A touch anywhere
 * else leaves before the host's timer does: the whole screen is the "finish" button, lying under the
 * words; the answers sit beside it, not inside it, so answering never also leaves.
 */
export function EndScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const rated = snapshot.satisfaction !== null;
  return (
    <main className="screen screen--blue screen--end" data-screen="end">
      {/* As tall as the words (large text may make them taller than the screen), so the button under them covers all. */}
      <div className="end-page">
        <div className="end">
          <HeartPictogram className="pictogram pictogram--hero pictogram--accent" />
          <h1 className="title">{t('end.title')}</h1>
          <p className="lead">{t('end.privacy')}</p>
          <section className="satisfaction" aria-labelledby="satisfaction-question">
            <h2 id="satisfaction-question" className="satisfaction__question">{t('end.question')}</h2>
            <div role="status" className="satisfaction__status">
              {rated ? <p className="satisfaction__thanks">{t('end.thanks')}</p> : <p className="satisfaction__optional">{t('end.optional')}</p>}
            </div>
            {!rated && (
              <div className="satisfaction__answers">
                {SATISFACTION_RATINGS.map((rating) => (
                  <button key={rating} type="button" className="satisfaction__answer" data-rating={rating}
                    onClick={() => send({ type: 'SATISFACTION.RATE', rating })}>
                    <FacePictogram rating={rating} className="satisfaction__face" />
                    {t(`end.rating.${rating}`)}
                  </button>
                ))}
              </div>
            )}
          </section>
        </div>
        <button type="button" className="touch-surface end__dismiss" onClick={() => send({ type: 'END.DISMISS' })}>
          <span className="hint">{t('end.dismiss')}</span>
        </button>
      </div>
    </main>
  );
}
