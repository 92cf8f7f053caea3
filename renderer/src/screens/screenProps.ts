import type { RendererEvent } from '../../../common/bridge';
import type { SessionSnapshot } from '../../../common/snapshot';

/** Every screen draws from the snapshot and answers with events; none keeps state of its own. */
export interface ScreenProps {
  snapshot: SessionSnapshot;
  send: (event: RendererEvent) => void;
}

/** `www.service-public.fr` for a site's address: what a person recognises, without the scheme. */
export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/** The offered languages other than the one shown first, for lines repeated underneath. */
export function otherLanguages({ language, offeredLanguages }: SessionSnapshot) {
  return offeredLanguages.filter((offered) => offered !== language);
}
