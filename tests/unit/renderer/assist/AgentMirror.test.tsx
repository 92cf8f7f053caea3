/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AgentMessage } from '../../../../common/assist';
import { AgentMirror } from '../../../../renderer/src/assist/AgentMirror';
import { agentTextFor } from '../../../../renderer/src/assist/agentText';
import { adminPanelSnapshot, attractSnapshot } from '../../../support/renderer-preview/snapshots';

type Mirror = Extract<AgentMessage, { type: 'mirror' }>;
const fr = agentTextFor('fr-FR');
const en = agentTextFor('en-GB');

const home: Mirror = {
  type: 'mirror',
  snapshot: {
    ...attractSnapshot, screen: 'home', catalog: { groups: [] },
    siteTiles: [{ label: { fr: 'Service Public', en: 'Public Service' }, url: 'https://www.service-public.fr/', call: null }],
    assist: { hand: 'citizen', agentName: null, helpAsked: true },
  },
  agent: { id: 'marie', name: 'Marie' },
  pushes: [],
  mayTake: true,
  holdsHand: false,
};

describe('AgentMirror', () => {
  it('says what the kiosk shows, that help was asked, and offers the hand', async () => {
    const send = vi.fn();
    render(<AgentMirror text={fr} mirror={home} rejected={null} send={send} />);
    expect(screen.getByRole('alert')).toHaveTextContent("L'usager demande de l'aide");
    expect(screen.getByText('Accueil')).toBeVisible();
    expect(screen.getByText("L'usager")).toBeVisible();
    expect(screen.getByText('Prenez la main pour faire avancer la visite.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Prendre la main' }));
    expect(send.mock.calls).toEqual([[{ type: 'HAND.TAKE' }]]);
  });

  it('names each step the host offers once the agent holds the hand, and pushes it', async () => {
    const send = vi.fn();
    const holding: Mirror = {
      ...home, mayTake: false, holdsHand: true,
      snapshot: { ...home.snapshot, assist: { hand: 'agent', agentName: 'Marie', helpAsked: false } },
      pushes: [{ type: 'SITE.OPEN', url: 'https://www.service-public.fr/' }, { type: 'VISIT.FINISH' }],
    };
    render(<AgentMirror text={en} mirror={holding} rejected="VISIT.FINISH is not a step the visit takes now" send={send} />);
    expect(screen.getByText('You')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Take control' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open the website: Public Service' }));
    await userEvent.click(screen.getByRole('button', { name: 'Hand back control' }));
    expect(send.mock.calls).toEqual([
      [{ type: 'STEP.PUSH', event: { type: 'SITE.OPEN', url: 'https://www.service-public.fr/' } }],
      [{ type: 'HAND.GIVE_BACK' }],
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent('Refused by the kiosk: VISIT.FINISH is not a step the visit takes now');
  });

  it('shows the cabin\'s devices with their health and last fault, for the agent to act on', () => {
    render(<AgentMirror text={fr} mirror={{ ...home, snapshot: { ...home.snapshot, deviceHealth: adminPanelSnapshot.deviceHealth } }} rejected={null} send={vi.fn()} />);
    const devices = screen.getByRole('region', { name: 'Appareils de la cabine' });
    const items = Array.from(devices.querySelectorAll('li')).map((item) => [item.dataset.device, item.dataset.health, item.textContent]);
    expect(items).toEqual([
      ['thermometer', 'degraded', expect.stringMatching(/^Thermomètreperturbé.*bad frame: SLIP: ESC followed by 0x01\u2069Trames illisibles : 3/)],
      ['pulseOximeter', 'absent', expect.stringMatching(/^Oxymètre de poulsabsentDernier incident à .*cannot open \/dev\/ttyUSB1/)],
    ]);
  });

  it('names an absent badge reader, with its fault, for the agent', () => {
    const reader = {
      id: 'badgeReader', kind: 'badgeReader', state: 'absent', malformedFrames: 0, refusedReadings: 0,
      lastError: { message: 'cannot open usb 0c27:3bfa: No HID devices with requested VID/PID found in the system.', at: '2026-11-25T13:32:00.000Z' },
    } as const;
    render(<AgentMirror text={fr} mirror={{ ...home, snapshot: { ...home.snapshot, deviceHealth: { badgeReader: reader } } }} rejected={null} send={vi.fn()} />);
    const item = screen.getByRole('region', { name: 'Appareils de la cabine' }).querySelector('li')!;
    expect(item.dataset.device).toBe('badgeReader');
    expect(item).toHaveTextContent(/^Lecteur de badgesabsentDernier incident à .*cannot open usb 0c27:3bfa/);
  });

  it('says a receipt printer\'s paper and cover, for the agent to change the roll before it runs out', () => {
    const printer = {
      id: 'receiptPrinter', kind: 'receiptPrinter', state: 'error', malformedFrames: 0, refusedReadings: 0,
      lastError: { message: 'the printer cover is open: close it', at: '2026-11-25T13:32:00.000Z' }, printer: { paper: 'near-end', cover: 'open' },
    } as const;
    render(<AgentMirror text={en} mirror={{ ...home, snapshot: { ...home.snapshot, deviceHealth: { receiptPrinter: printer } } }} rejected={null} send={vi.fn()} />);
    const item = screen.getByRole('region', { name: 'Cabin devices' }).querySelector('li')!;
    expect(item.dataset.device).toBe('receiptPrinter');
    expect(item.querySelector('[data-paper]')).toHaveTextContent('Paper: nearly out · cover open');
    expect(item).toHaveTextContent(/^Receipt printerfailingPaper: nearly out · cover openLast fault at .*the printer cover is open: close it/);
  });
});

