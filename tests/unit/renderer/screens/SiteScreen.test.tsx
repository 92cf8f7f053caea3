/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { SiteScreen } from '../../../../renderer/src/screens/SiteScreen';
import { siteOpeningSnapshot, siteUnreachableSnapshot } from '../../../support/renderer-preview/snapshots';

const showSite = (snapshot: SessionSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<SiteScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('SiteScreen', () => {
  it('says the site is opening, with a way back', async () => {
    const send = showSite(siteOpeningSnapshot);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ouverture du site…');
    await userEvent.click(screen.getByRole('button', { name: 'Retour' }));
    expect(send.mock.calls).toEqual([[{ type: 'SITE.CLOSE' }]]);
  });

  it('says in its own words that a site cannot be reached, naming it, with a way back', async () => {
    const send = showSite({ ...siteUnreachableSnapshot, language: 'en' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('This website is not answering');
    expect(screen.getByText('The website www.service-public.fr cannot be opened right now.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(send.mock.calls).toEqual([[{ type: 'SITE.CLOSE' }]]);
  });
});
