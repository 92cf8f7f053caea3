import { useText } from '../i18n/useText';
import { hostOf, type ScreenProps } from '../screens/screenProps';

/** The profile's official sites, as wide tiles with the address underneath. */
export function SiteTiles({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  if (snapshot.siteTiles.length === 0) return null;
  return (
    <nav className="home-section site-tiles" aria-labelledby="site-tiles-title">
      <h2 id="site-tiles-title" className="home-section-title">{t('home.sites')}</h2>
      <div className="site-tiles__list">
        {snapshot.siteTiles.map((tile) => (
          <button type="button" className="button site-tile" key={tile.url} onClick={() => send({ type: 'SITE.OPEN', url: tile.url })}>
            <span className="site-tile__label">{tile.label[snapshot.language]}</span>
            <span className="site-tile__host">{hostOf(tile.url)}</span>
          </button>
        ))}
      </div>
    </nav>
  );
}
