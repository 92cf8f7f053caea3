import { describe, expect, it } from 'vitest';
import { LIFE_EVENT_GROUPS } from '../../../common/procedure-catalog';
import { describeCatalogProblem, loadCatalog } from '../../../kiosk-config/catalog-load';
import { decideNavigation, lockdownPolicy } from '../../../main/lockdown/policy';

const loaded = await loadCatalog(undefined, { languages: ['fr', 'en'] });
if (!loaded.ok) throw new Error(`the shipped catalog is invalid:\n${loaded.error.map(describeCatalogProblem).join('\n')}`);
const { procedures } = loaded.value;

describe('the shipped demo catalog', () => {
  it('offers at least 19 procedures, each in French and in English', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(19);
    for (const procedure of procedures) {
      expect(procedure.texts.fr?.title, procedure.id).toBeTruthy();
      expect(procedure.texts.en?.title, procedure.id).toBeTruthy();
    }
  });

  it('says its addresses are demonstration content', () => {
    expect(procedures.filter((procedure) => !procedure.demo).map((procedure) => procedure.id)).toEqual([]);
  });

  it('opens each procedure\'s start page once its sites are added to the lockdown list, and not before', () => {
    for (const procedure of procedures) {
      const withSites = lockdownPolicy({ allow: procedure.allow, mediaOrigins: [] }, []);
      const without = lockdownPolicy({ allow: [], mediaOrigins: [] }, []);
      expect(decideNavigation(withSites, procedure.start), procedure.id).toEqual({ allow: true });
      expect(decideNavigation(without, procedure.start).allow, procedure.id).toBe(false);
    }
  });

  it('numbers the same steps and lists the same documents in every language', () => {
    for (const { id, texts } of procedures) {
      expect(texts.en?.steps.length, id).toBe(texts.fr?.steps.length);
      expect(texts.en?.documents.length, id).toBe(texts.fr?.documents.length);
    }
  });

  it('shows every life event of the closed list with at least one procedure', () => {
    const used = new Set(procedures.map((procedure) => procedure.group));
    expect(LIFE_EVENT_GROUPS.filter((group) => !used.has(group))).toEqual([]);
  });
});
