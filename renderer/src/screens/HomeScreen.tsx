import { useState } from 'react';
import { HelpButton } from '../components/HelpButton';
import { CatalogGroups, GroupShortcuts } from '../home/CatalogGroups';
import { DeviceSection } from '../home/DeviceSection';
import { SearchField, SearchResults } from '../home/SearchPanel';
import { CallTiles, SiteTiles } from '../home/SiteTiles';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

/**
 * The visit's home: a bar that stays (greeting, help, "I'm done"), then what the person can do, the
 * video calls when the kiosk offers them, the procedures (search by word, every procedure by life event),
 * the kiosk's devices, its official sites.
 * The search words live here only while home shows; they go with the screen, never to the host.
 */
export function HomeScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const [query, setQuery] = useState('');
  const catalog = snapshot.catalog ?? { groups: [] };
  const hasProcedures = catalog.groups.length > 0;
  const searching = query.trim() !== '';
  return (
    <main className="screen screen--home" data-screen="home">
      <header className="home-bar">
        <div className="home-bar__greeting">
          <h1 className="title">{t('home.greeting')}</h1>
          <p className="lead">{t('home.question')}</p>
        </div>
        <div className="home-bar__actions">
          <HelpButton language={snapshot.language} send={send} className="button--bar" />
          <button type="button" className="button button--primary button--bar" onClick={() => send({ type: 'VISIT.FINISH' })}>
            {t('home.finish')}
          </button>
        </div>
      </header>
      {/* On a wide screen the finder stands beside the procedures; on a narrow one, or with large text, above them. */}
      <div className={hasProcedures ? 'home-body home-body--catalog' : 'home-body'}>
        {hasProcedures && (
          <div className="home-finder">
            <SearchField query={query} onQuery={setQuery} language={snapshot.language} />
            {!searching && <GroupShortcuts catalog={catalog} language={snapshot.language} />}
          </div>
        )}
        <div className="home-content">
          <CallTiles snapshot={snapshot} send={send} />
          {hasProcedures && (searching
            ? <SearchResults catalog={catalog} query={query} onQuery={setQuery} language={snapshot.language} send={send} />
            : <CatalogGroups catalog={catalog} language={snapshot.language} send={send} />)}
          <DeviceSection snapshot={snapshot} send={send} />
          <SiteTiles snapshot={snapshot} send={send} />
        </div>
      </div>
    </main>
  );
}
