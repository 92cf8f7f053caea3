/// <reference lib="dom" />
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { HomeScreen } from '../../../../renderer/src/screens/HomeScreen';
import {
  homeCatalogSnapshot, homeCatalogWithDevicesSnapshot, homeThermometerOfflineSnapshot, homeWithCallsSnapshot, homeWithReadingSnapshot, homeWithSitesSnapshot,
} from '../../../support/renderer-preview/snapshots';
import { shippedProcedureIds } from '../../../support/renderer-preview/shippedCatalog';

const homeWaiting: SessionSnapshot = { ...homeWithReadingSnapshot, measurements: {} };
const thermometerOnly: SessionSnapshot = { ...homeWaiting, devices: { thermometer: { state: 'ready' } } };

const showHome = (snapshot: SessionSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<HomeScreen snapshot={snapshot} send={send} />);
  return send;
};
const tileIds = () => Array.from(document.querySelectorAll('[data-procedure]'), (tile) => tile.getAttribute('data-procedure'));
const search = (words: string) => userEvent.type(screen.getByRole('searchbox', { name: /Chercher une démarche|Search for a procedure/ }), words);

describe('HomeScreen: the procedures', () => {
  it.each(['fr', 'en'] as const)('shows a tile for every procedure of the catalog, with no screen in between (%s)', (language) => {
    showHome(homeCatalogSnapshot(language));
    // Attract, language, consent, then this tile: the fourth touch opens any guide.
    expect(tileIds().sort()).toEqual([...shippedProcedureIds].sort());
    expect(shippedProcedureIds.length).toBeGreaterThanOrEqual(19);
    for (const tile of screen.getAllByRole('button').filter((button) => button.hasAttribute('data-procedure'))) expect(tile).toBeVisible();
  });

  it('groups the procedures by life event, each group named, in the catalog order', () => {
    const snapshot = homeCatalogSnapshot('fr');
    showHome(snapshot);
    const sections = Array.from(document.querySelectorAll('section[data-group]'));
    expect(sections.map((section) => section.getAttribute('data-group'))).toEqual(snapshot.catalog!.groups.map(({ group }) => group));
    const identity = screen.getByRole('region', { name: "Papiers d'identité" });
    expect(within(identity).getByRole('button', { name: /Demander un passeport/ })).toHaveTextContent('20 min');
    expect(within(identity).getByRole('button', { name: /Demander un passeport/ })).toHaveAccessibleName('Demander un passeport environ 20 minutes');
  });

  it('opens the guide of the procedure touched', async () => {
    const send = showHome(homeCatalogSnapshot('en'));
    await userEvent.click(screen.getByRole('button', { name: /^Apply for a passport/ }));
    expect(send.mock.calls).toEqual([[{ type: 'PROCEDURE.OPEN', id: 'passport' }]]);
  });

  it('offers one shortcut per group, which brings its section into view without sending anything', async () => {
    const send = showHome(homeCatalogSnapshot('fr'));
    const shortcuts = screen.getByRole('navigation', { name: 'Les thèmes' });
    expect(within(shortcuts).getAllByRole('button')).toHaveLength(homeCatalogSnapshot('fr').catalog!.groups.length);
    await userEvent.click(within(shortcuts).getByRole('button', { name: 'Énergie' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Énergie' })).toHaveFocus();
    expect(send).not.toHaveBeenCalled();
  });

  it('shows no search and no procedure on a kiosk whose catalog is empty', () => {
    showHome(homeWaiting);
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(tileIds()).toEqual([]);
  });
});

describe('HomeScreen: searching by word', () => {
  it('finds procedures whatever the accents and case typed, and shows them as tiles', async () => {
    showHome(homeCatalogSnapshot('fr'));
    await search('DEMENAGEMENT');
    expect(screen.getByRole('status')).toHaveTextContent(/démarches? trouvées?/);
    expect(tileIds()).toContain('change-of-address');
    expect(screen.queryByRole('navigation', { name: 'Les thèmes' })).not.toBeInTheDocument();
  });

  it('matches keywords as well as titles, in the language of the visit', async () => {
    const send = showHome(homeCatalogSnapshot('en'));
    await search('travel');
    expect(tileIds()).toEqual(['passport']);
    expect(screen.getByRole('status')).toHaveTextContent('1 procedure found');
    await userEvent.click(screen.getByRole('button', { name: /^Apply for a passport/ }));
    expect(send.mock.calls).toEqual([[{ type: 'PROCEDURE.OPEN', id: 'passport' }]]);
  });

  it('says clearly when nothing is found, and offers help or the whole list', async () => {
    const send = showHome(homeCatalogSnapshot('fr'));
    await search('xylophone');
    expect(screen.getByRole('status')).toHaveTextContent('Aucune démarche trouvée pour « xylophone ».');
    expect(tileIds()).toEqual([]);
    const results = screen.getByRole('region', { name: /Aucune démarche/ });
    await userEvent.click(within(results).getByRole('button', { name: "Demander de l'aide" }));
    expect(send.mock.calls).toEqual([[{ type: 'HELP.ASK' }]]);
    await userEvent.click(screen.getByRole('button', { name: 'Voir toutes les démarches' }));
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(tileIds()).toHaveLength(shippedProcedureIds.length);
  });

  it('clears the search with its own button', async () => {
    showHome(homeCatalogSnapshot('en'));
    await search('passport');
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(tileIds()).toHaveLength(shippedProcedureIds.length);
  });
});

describe('HomeScreen: help, leaving, devices and sites', () => {
  it('asks for help from the bar at the top', async () => {
    const send = showHome(homeCatalogSnapshot('fr'));
    await userEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: "Demander de l'aide" }));
    expect(send.mock.calls).toEqual([[{ type: 'HELP.ASK' }]]);
  });

  it('finishes the visit from its "I am done" button', async () => {
    const send = showHome(thermometerOnly);
    await userEvent.click(screen.getByRole('button', { name: "J'ai terminé" }));
    expect(send.mock.calls).toEqual([[{ type: 'VISIT.FINISH' }]]);
  });

  it('keeps the devices in their own section, below the procedures', () => {
    showHome(homeCatalogWithDevicesSnapshot);
    const devices = screen.getByRole('region', { name: 'Mesures de santé' });
    expect(Array.from(devices.querySelectorAll('[data-device]'), (card) => card.getAttribute('data-device'))).toEqual(['thermometer', 'pulseOximeter']);
    const lastGroup = Array.from(document.querySelectorAll('section[data-group]')).at(-1)!;
    expect(lastGroup.compareDocumentPosition(devices) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows one card per device of this kiosk, in a fixed order, and invites a measurement', () => {
    showHome(homeWaiting);
    expect(screen.getByRole('heading', { level: 1, name: 'Bonjour !' })).toBeVisible();
    expect(screen.getByText('Vous pouvez prendre vos mesures avec les appareils.')).toBeVisible();
    expect(Array.from(document.querySelectorAll('[data-device]'), (card) => card.getAttribute('data-device'))).toEqual(['thermometer', 'pulseOximeter']);
  });

  it('starts a measurement step with the device the person chose', async () => {
    const send = showHome(homeWaiting);
    await userEvent.click(screen.getByRole('button', { name: 'Mesurer mon oxygène' }));
    await userEvent.click(screen.getByRole('button', { name: 'Prendre ma température' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.START', kind: 'pulseOximeter' }], [{ type: 'MEASURE.START', kind: 'thermometer' }]]);
  });

  it("offers the profile's official sites as tiles in the visit's language, and opens the one chosen", async () => {
    const send = showHome({ ...homeWithSitesSnapshot, language: 'en' });
    const sites = screen.getByRole('navigation', { name: 'Official websites' });
    expect(sites).toHaveTextContent('Public Service (France)www.service-public.fr');
    await userEvent.click(screen.getByRole('button', { name: /Health Insurance/ }));
    expect(send.mock.calls).toEqual([[{ type: 'SITE.OPEN', url: 'https://www.ameli.fr/' }]]);
  });

  it('offers video calls in their own section, first on home, each saying what kind of call it is', async () => {
    const send = showHome(homeWithCallsSnapshot);
    const calls = screen.getByRole('navigation', { name: "Parler à quelqu'un en vidéo" });
    expect(within(calls).getAllByRole('button').map((tile) => tile.textContent)).toEqual([
      'CAFRendez-vous en visiordv.caf.example', 'Médecin de la cabineTéléconsultation avec un médecinteleconsultation.example',
    ]);
    expect(within(screen.getByRole('navigation', { name: 'Sites officiels' })).getAllByRole('button')).toHaveLength(2);
    const sections = Array.from(document.querySelectorAll('nav h2'), (title) => title.textContent);
    expect(sections[0]).toBe("Parler à quelqu'un en vidéo");
    await userEvent.click(within(calls).getByRole('button', { name: /Médecin de la cabine/ }));
    expect(send.mock.calls).toEqual([[{ type: 'SITE.OPEN', url: 'https://teleconsultation.example/' }]]);
  });

  it('shows no site list when the profile offers none', () => {
    showHome(homeWaiting);
    expect(screen.queryByRole('navigation', { name: 'Sites officiels' })).toBeNull();
  });

  it('shows the readings of this visit in their cards', () => {
    showHome(homeWithReadingSnapshot);
    expect(screen.getByRole('region', { name: 'Thermomètre' })).toHaveTextContent('37,6 °C');
    expect(screen.getByRole('region', { name: 'Oxymètre' })).toHaveTextContent('97');
  });

  it('offers no measurement with an offline device, and the card says what to do', () => {
    showHome(homeThermometerOfflineSnapshot);
    expect(screen.queryByRole('button', { name: 'Prendre ma température' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Thermomètre' })).toHaveTextContent('Le thermomètre ne marche pas pour le moment.');
  });

  it('does not invite measurements when every device is offline', () => {
    showHome({ ...homeThermometerOfflineSnapshot, devices: { thermometer: { state: 'offline', reason: 'gone' } } });
    expect(screen.queryByText('Vous pouvez prendre vos mesures avec les appareils.')).not.toBeInTheDocument();
  });

  it('shows no device section, and invites no measurement, on a kiosk without devices', () => {
    showHome({ ...homeWithReadingSnapshot, devices: {} });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByText('Vous pouvez prendre vos mesures avec les appareils.')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('°C');
  });

  it('speaks English when the visit does', async () => {
    const send = showHome({ ...homeWithReadingSnapshot, language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Hello!' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Thermometer' })).toHaveTextContent('37.6 °C');
    await userEvent.click(screen.getByRole('button', { name: 'Take my temperature' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.START', kind: 'thermometer' }]]);
  });
});
