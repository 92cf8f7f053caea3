/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { MeasureScreen } from '../../../../renderer/src/screens/MeasureScreen';
import { measureDoneSnapshot, measureFailedSnapshot, measureNoReadingSnapshot, measureWaitingSnapshot } from '../../../support/renderer-preview/snapshots';

const showMeasure = (snapshot: SessionSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<MeasureScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('MeasureScreen', () => {
  it('while waiting, says what to do with the device and lets the person skip the measurement', async () => {
    const send = showMeasure(measureWaitingSnapshot);
    expect(screen.getByRole('heading', { level: 1, name: 'Mesurer mon oxygène' })).toBeVisible();
    expect(screen.getByText("Mettez un doigt dans la pince de l'oxymètre. Ne bougez plus.")).toBeVisible();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Passer cette mesure']);
    await userEvent.click(screen.getByRole('button', { name: 'Passer cette mesure' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.CANCEL' }]]);
  });

  it('shows the reading of this step and goes on with it', async () => {
    const send = showMeasure(measureDoneSnapshot);
    expect(screen.getByRole('region', { name: 'Oxymètre' })).toHaveTextContent(/97\s%/);
    await userEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.DONE' }]]);
  });

  it('offers to measure again once the reading shows', async () => {
    const send = showMeasure(measureDoneSnapshot);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Continuer', 'Mesurer à nouveau']);
    await userEvent.click(screen.getByRole('button', { name: 'Mesurer à nouveau' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.RETRY' }]]);
  });

  it('shows no earlier reading while the step is still waiting for its own', () => {
    showMeasure({ ...measureWaitingSnapshot, measurements: measureDoneSnapshot.measurements });
    expect(screen.getByRole('region', { name: 'Oxymètre' })).not.toHaveTextContent('%');
  });

  it('when the device could not be armed, says so in plain words and offers to try again or skip', async () => {
    const send = showMeasure(measureFailedSnapshot);
    expect(screen.getByText('Le thermomètre ne marche pas pour le moment.')).toBeVisible();
    // The technical reason is the agent's (device health) and the logs', never the citizen's.
    expect(screen.getByRole('main')).not.toHaveTextContent('/dev/ttyUSB0');
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Passer cette mesure' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.RETRY' }], [{ type: 'MEASURE.CANCEL' }]]);
  });

  it('when no reading came in time, says so in plain words and offers to try again or skip', async () => {
    const send = showMeasure(measureNoReadingSnapshot);
    expect(screen.getByText("Le thermomètre n'a pas donné de mesure.")).toBeVisible();
    expect(screen.getByText("Vérifiez qu'il est allumé, puis réessayez.")).toBeVisible();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Réessayer', 'Passer cette mesure']);
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Passer cette mesure' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.RETRY' }], [{ type: 'MEASURE.CANCEL' }]]);
  });

  it('speaks English when the visit does', () => {
    showMeasure({ ...measureDoneSnapshot, language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Measure my oxygen' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeVisible();
  });
});
