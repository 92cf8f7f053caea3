/// <reference lib="dom" />
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { GuideScreen } from '../../../../renderer/src/screens/GuideScreen';
import { guideSnapshot, shippedGuideSnapshot } from '../../../support/renderer-preview/snapshots';

const showGuide = (snapshot: SessionSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<GuideScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('GuideScreen', () => {
  it('names the procedure, its life event and its estimated time', () => {
    showGuide(shippedGuideSnapshot('passport'));
    expect(screen.getByRole('heading', { level: 1, name: 'Demander un passeport' })).toBeVisible();
    expect(screen.getByText("Papiers d'identité")).toBeVisible();
    expect(screen.getByText('Environ 20 minutes')).toBeVisible();
  });

  it('says "minute" for one, "minutes" for more', () => {
    showGuide({ ...guideSnapshot, procedure: { ...guideSnapshot.procedure!, minutes: 1 } });
    expect(screen.getByText('Environ 1 minute')).toBeVisible();
  });

  it('gives the easy-to-read summary, then the steps numbered in order', () => {
    const snapshot = shippedGuideSnapshot('passport');
    showGuide(snapshot);
    const summary = screen.getByRole('region', { name: 'En bref' });
    for (const sentence of snapshot.procedure!.summary) expect(summary).toHaveTextContent(sentence);
    const steps = within(screen.getByRole('region', { name: 'Les étapes' })).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual(snapshot.procedure!.steps.map((step, index) => `${index + 1}${step}`));
  });

  it('lists the documents to bring as a checklist the person can tick', async () => {
    const snapshot = shippedGuideSnapshot('passport');
    const send = showGuide(snapshot);
    const documents = within(screen.getByRole('region', { name: 'À préparer' })).getAllByRole('checkbox');
    expect(documents).toHaveLength(snapshot.procedure!.documents.length);
    const photo = screen.getByRole('checkbox', { name: "Une photo d'identité de moins de 6 mois" });
    await userEvent.click(photo);
    expect(photo).toBeChecked();
    await userEvent.click(photo);
    expect(photo).not.toBeChecked();
    // Ticking is a reading aid on this screen, not an event for the host.
    expect(send).not.toHaveBeenCalled();
  });

  it('says so when no paper is needed', () => {
    showGuide({ ...guideSnapshot, procedure: { ...guideSnapshot.procedure!, documents: [] } });
    expect(screen.getByRole('region', { name: 'À préparer' })).toHaveTextContent("Vous n'avez besoin d'aucun papier.");
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('says which websites the person will go to, by their address', () => {
    showGuide(shippedGuideSnapshot('passport'));
    const origins = within(screen.getByRole('region', { name: 'Vous irez sur :' })).getAllByRole('listitem');
    expect(origins.map((origin) => origin.textContent)).toEqual(['passeport.ants.gouv.fr', 'ants.gouv.fr', 'rendezvouspasseport.ants.gouv.fr', 'timbres.impots.gouv.fr']);
  });

  it('opens the website, goes back, or asks for help', async () => {
    const send = showGuide(shippedGuideSnapshot('passport'));
    await userEvent.click(screen.getByRole('button', { name: 'Aller sur le site' }));
    await userEvent.click(screen.getByRole('button', { name: 'Retour' }));
    await userEvent.click(screen.getByRole('button', { name: "Demander de l'aide" }));
    expect(send.mock.calls).toEqual([[{ type: 'PROCEDURE.START' }], [{ type: 'PROCEDURE.CLOSE' }], [{ type: 'HELP.ASK' }]]);
  });

  it('lets the person finish the visit from the guide, as from home', async () => {
    const send = showGuide(shippedGuideSnapshot('passport'));
    await userEvent.click(screen.getByRole('button', { name: "J'ai terminé" }));
    expect(send.mock.calls).toEqual([[{ type: 'VISIT.FINISH' }]]);
  });

  it('speaks English when the visit does', async () => {
    const send = showGuide(shippedGuideSnapshot('passport', 'en'));
    expect(screen.getByRole('heading', { level: 1, name: 'Apply for a passport' })).toBeVisible();
    expect(screen.getByText('About 20 minutes')).toBeVisible();
    expect(screen.getByRole('region', { name: 'What you need' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Go to the website' }));
    expect(send.mock.calls).toEqual([[{ type: 'PROCEDURE.START' }]]);
  });
});

describe("GuideScreen's memo to take away", () => {
  const withPrinter = (snapshot: SessionSnapshot, memoPrint: SessionSnapshot['memoPrint'] = null, state: 'ready' | 'connecting' = 'ready') =>
    ({ ...snapshot, devices: { ...snapshot.devices, receiptPrinter: { state } }, memoPrint } as SessionSnapshot);
  const memoCard = () => screen.queryByRole('region', { name: 'Un mémo à emporter' });

  it('is offered only while a receipt printer is ready', async () => {
    showGuide(guideSnapshot);
    expect(memoCard()).toBeNull();
    const send = showGuide(withPrinter(guideSnapshot));
    await userEvent.click(within(memoCard()!).getByRole('button', { name: 'Imprimer le mémo' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEMO.PRINT' }]]);
  });

  it.each([
    ['printing', 'Impression en cours…', false],
    ['printed', "Votre mémo est imprimé : prenez-le à l'imprimante.", true],
    ['failed', "Le mémo n'a pas pu être imprimé. Demandez à l'accueil.", true],
  ] as const)('says when the memo is %s, offering to print it again once it is over', (memoPrint, words, again) => {
    showGuide(withPrinter(guideSnapshot, memoPrint));
    expect(within(memoCard()!).getByRole('status')).toHaveTextContent(words);
    expect(within(memoCard()!).queryAllByRole('button')).toHaveLength(again ? 1 : 0);
  });

  it('tells an Arabic visit that the ticket comes in French', () => {
    showGuide(withPrinter({ ...guideSnapshot, language: 'ar' }));
    expect(screen.getByRole('region', { name: 'مذكرة تأخذها معك' })).toHaveTextContent('تُطبع التذكرة باللغة الفرنسية.');
  });
});
