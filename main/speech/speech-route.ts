import type { RendererEvent } from '../../common/bridge';
import type { BridgeView } from '../bridge/hub';
import type { Logger } from '../log';
import type { Speaker } from './espeak-speaker';

type SpeechEvent = Extract<RendererEvent, { type: 'SPEECH.SAY' | 'SPEECH.STOP' }>;

/**
 * Read-aloud through the host: the text a view asks for is spoken in the visit's language (the host's
 * truth, not the view's say) and the WAV goes back to that view alone, which plays it. Returning audio
 * rather than playing it here works the same in both shells, on a kiosk whose sound card belongs to the
 * browser, and under Xvfb with no sound card at all. The text is never logged: it is what the screen said.
 */
export function speechRoute(speaker: Speaker, visitLanguage: () => string, log: Logger) {
  return (event: SpeechEvent, view: BridgeView): void => {
    if (event.type === 'SPEECH.STOP') return speaker.stop();
    const { id } = event;
    void speaker.speak(event.text, visitLanguage()).then((spoken) => {
      if (spoken.ok) return view.send({ type: 'speech', id, wav: spoken.value.toString('base64') });
      // A request replaced by a newer one is normal use; anything else is worth a line.
      if (!spoken.error.startsWith('stopped')) log.warn({ view: view.label, reason: spoken.error }, 'could not read the screen aloud');
      view.send({ type: 'speech-failed', id, reason: spoken.error });
    });
  };
}
