import { useId } from 'react';
import type { RendererEvent } from '../../../common/bridge';
import type { Language } from '../../../common/language';
import type { HomeCatalog } from '../../../common/visit-views';
import { HelpButton } from '../components/HelpButton';
import { ProcedureTile } from '../components/ProcedureTile';
import { CrossPictogram } from '../components/pictograms';
import { SearchPictogram } from '../components/visitPictograms';
import { useText } from '../i18n/useText';
import { searchProcedures } from './searchProcedures';

interface FieldProps {
  query: string;
  onQuery: (query: string) => void;
  language: Language;
}

/** The search field: results appear as the person types, no button to find. */
export function SearchField({ query, onQuery, language }: FieldProps) {
  const t = useText(language);
  const id = useId();
  return (
    <form className="search" role="search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={id} className="search__label">{t('search.label')}</label>
      <div className="search__row">
        <SearchPictogram className="search__icon" />
        <input id={id} className="search__input" type="search" value={query} placeholder={t('search.placeholder')}
          autoComplete="off" autoCorrect="off" autoCapitalize="off" spellCheck={false} enterKeyHint="search"
          onChange={(event) => onQuery(event.target.value)} />
        {query !== '' && (
          <button type="button" className="button search__clear" aria-label={t('search.clear')} onClick={() => onQuery('')}>
            <CrossPictogram className="button__icon" />
          </button>
        )}
      </div>
    </form>
  );
}

interface ResultsProps {
  catalog: HomeCatalog;
  query: string;
  onQuery: (query: string) => void;
  language: Language;
  send: (event: RendererEvent) => void;
}

/** What the search found, as tiles; when nothing, says so and offers help rather than a dead end. */
export function SearchResults({ catalog, query, onQuery, language, send }: ResultsProps) {
  const t = useText(language);
  const found = searchProcedures(catalog, query);
  return (
    <section className="search-results" aria-labelledby="search-results-title">
      {/* A live region, so a screen reader hears how many were found as the person types. */}
      <div role="status">
        <h2 id="search-results-title" className="home-section-title">
          {found.length > 0 ? t('search.found', { count: found.length }) : t('search.nothing', { query: query.trim() })}
        </h2>
      </div>
      {found.length > 0 ? (
        <div className="procedure-tiles">
          {found.map((procedure) => <ProcedureTile key={procedure.id} procedure={procedure} language={language} send={send} />)}
        </div>
      ) : (
        <div className="search-results__nothing">
          <p className="lead">{t('search.nothingHelp')}</p>
          <div className="actions">
            <HelpButton language={language} send={send} />
            <button type="button" className="button button--secondary" onClick={() => onQuery('')}>{t('search.showAll')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
