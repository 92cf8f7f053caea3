/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DeviceSection } from '../../../../renderer/src/home/DeviceSection';
import { homeWithReadingSnapshot } from '../../../support/renderer-preview/snapshots';

describe('DeviceSection', () => {
  it('offers a measurement with each measuring device, never with the receipt printer', () => {
    const snapshot = { ...homeWithReadingSnapshot, devices: { thermometer: { state: 'ready' }, receiptPrinter: { state: 'ready' } } } as const;
    const { container } = render(<DeviceSection snapshot={snapshot} send={vi.fn()} />);
    const cards = Array.from(container.querySelectorAll('[data-device]'), (card) => card.getAttribute('data-device'));
    expect(cards).toEqual(['thermometer']);
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Prendre ma température']);
  });

  it('shows no section on a kiosk whose only device is a printer', () => {
    const { container } = render(<DeviceSection snapshot={{ ...homeWithReadingSnapshot, devices: { receiptPrinter: { state: 'ready' } } }} send={vi.fn()} />);
    expect(container).toBeEmptyDOMElement();
  });
});
