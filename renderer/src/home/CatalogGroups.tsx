import type { RendererEvent } from '../../../common/bridge';
import type { Language } from '../../../common/language';
import type { LifeEventGroup } from '../../../common/procedure-catalog';
import type { HomeCatalog } from '../../../common/visit-views';
import { GroupPictogram } from '../components/groupPictograms';
import { ProcedureTile } from '../components/ProcedureTile';
import { useText } from '../i18n/useText';

interface Props {
  catalog: HomeCatalog;
  language: Language;
  send: (event: RendererEvent) => void;
}

const sectionId = (group: LifeEventGroup) => `group-${group}`;

/**
 * Every procedure of the catalog, one section per life event, all on the page: a person scrolls to
 * theirs, or jumps there with a shortcut (GroupShortcuts); no screen in between, so any guide is one
 * touch away from home.
 */
export function CatalogGroups({ catalog, language, send }: Props) {
  const t = useText(language);
  return (
    <>
      {catalog.groups.map(({ group, procedures }) => (
        <section key={group} id={sectionId(group)} className="catalog-group" aria-labelledby={`${sectionId(group)}-title`} data-group={group}>
          <h2 id={`${sectionId(group)}-title`} className="catalog-group__title" tabIndex={-1}>
            <GroupPictogram group={group} className="catalog-group__pictogram" />
            {t(`groups.${group}`)}
          </h2>
          <div className="procedure-tiles">
            {procedures.map((procedure) => <ProcedureTile key={procedure.id} procedure={procedure} language={language} send={send} />)}
          </div>
        </section>
      ))}
    </>
  );
}

/** One button per group that brings its section into view; a convenience, the sections are all there anyway. */
export function GroupShortcuts({ catalog, language }: Pick<Props, 'catalog' | 'language'>) {
  const t = useText(language);
  if (catalog.groups.length < 2) return null;
  const goTo = (group: LifeEventGroup) => {
    const heading = document.getElementById(`${sectionId(group)}-title`);
    // Focus follows, so a keyboard or screen-reader user lands where the eye does.
    heading?.focus({ preventScroll: true });
    const calm = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    heading?.scrollIntoView?.({ behavior: calm ? 'auto' : 'smooth', block: 'start' });
  };
  return (
    <nav className="group-shortcuts" aria-labelledby="group-shortcuts-title">
      <h2 id="group-shortcuts-title" className="home-section-title">{t('home.themes')}</h2>
      <div className="group-shortcuts__list">
        {catalog.groups.map(({ group }) => (
          <button key={group} type="button" className="group-shortcut" onClick={() => goTo(group)}>
            <GroupPictogram group={group} className="group-shortcut__pictogram" />
            {t(`groups.${group}`)}
          </button>
        ))}
      </div>
    </nav>
  );
}
