import type { SiteTile } from '../../../common/sites';
import { useText } from '../i18n/useText';
import { hostOf, type ScreenProps } from '../screens/screenProps';

/** One section of the profile's sites, as wide tiles with the address underneath. */
function TileSection({ snapshot, send, id, title, tiles }: ScreenProps & { id: string; title: string; tiles: SiteTile[] }) {
  const t = useText(snapshot.language);
  if (tiles.length === 0) return null;
  return (
    <nav className="home-section site-tiles" aria-labelledby={id}>
      <h2 id={id} className="home-section-title">{title}</h2>
      <div className="site-tiles__list">
        {tiles.map((tile) => (
          <button type="button" className="button site-tile" key={tile.url} data-call={tile.call ?? undefined}
            onClick={() => send({ type: 'SITE.OPEN', url: tile.url })}>
            <span className="site-tile__label">{tile.label[snapshot.language]}</span>
            {tile.call && <span className="site-tile__kind">{t(`home.callKind.${tile.call}`)}</span>}
            <span className="site-tile__host">{hostOf(tile.url)}</span>
          </button>
        ))}
      </div>
    </nav>
  );
}

/**
 * The profile's video calls (an appointment with an advisor, a teleconsultation): first on home, since a
 * kiosk that offers them, a cabin most often, is there for them.
 */
export function CallTiles(props: ScreenProps) {
  const t = useText(props.snapshot.language);
  return <TileSection {...props} id="call-tiles-title" title={t('home.calls')} tiles={props.snapshot.siteTiles.filter((tile) => tile.call !== null)} />;
}

/** The profile's other official sites, after the procedures. */
export function SiteTiles(props: ScreenProps) {
  const t = useText(props.snapshot.language);
  return <TileSection {...props} id="site-tiles-title" title={t('home.sites')} tiles={props.snapshot.siteTiles.filter((tile) => tile.call === null)} />;
}
