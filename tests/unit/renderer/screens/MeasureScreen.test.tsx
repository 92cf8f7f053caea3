/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RendererEvent } from '../../../../common/bridge';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { MeasureScreen } from '../../../../renderer/src/screens/MeasureScreen';
import { measureDoneSnapshot, measureFailedSnapshot, measureWaitingSnapshot } from '../../../support/renderer-preview/snapshots';

const showMeasure = (snapshot: SessionSnapshot) => {
  const send = vi.fn<(event: RendererEvent) => void>();
  render(<MeasureScreen snapshot={snapshot} send={send} />);
  return send;
};

describe('MeasureScreen', () => {
  it('while waiting, says what to do with the device and lets the person leave', async () => {
    const send = showMeasure(measureWaitingSnapshot);
    expect(screen.getByRole('heading', { level: 1, name: 'Mesurer mon oxygène' })).toBeVisible();
    expect(screen.getByText("Mettez un doigt dans la pince de l'oxymètre. Ne bougez plus.")).toBeVisible();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Annuler']);
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.CANCEL' }]]);
  });

  it('shows the reading of this step and goes on with it', async () => {
    const send = showMeasure(measureDoneSnapshot);
    expect(screen.getByRole('region', { name: 'Oxymètre' })).toHaveTextContent(/97\s%/);
    await userEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.DONE' }]]);
  });

  it('shows no earlier reading while the step is still waiting for its own', () => {
    showMeasure({ ...measureWaitingSnapshot, measurements: measureDoneSnapshot.measurements });
    expect(screen.getByRole('region', { name: 'Oxymètre' })).not.toHaveTextContent('%');
  });

  it('when the device could not be armed, says why and offers to try again or leave', async () => {
    const send = showMeasure(measureFailedSnapshot);
    expect(screen.getByText("Information pour l'agent : the thermometer is not ready: lost /dev/ttyUSB0")).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(send.mock.calls).toEqual([[{ type: 'MEASURE.RETRY' }], [{ type: 'MEASURE.CANCEL' }]]);
  });

  it('speaks English when the visit does', () => {
    showMeasure({ ...measureDoneSnapshot, language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Measure my oxygen' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeVisible();
  });
});
