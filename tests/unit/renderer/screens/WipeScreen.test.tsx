/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { WipeScreen } from '../../../../renderer/src/screens/WipeScreen';
import { attractSnapshot } from '../../../support/renderer-preview/snapshots';

const wipeSnapshot: SessionSnapshot = { ...attractSnapshot, screen: 'wipe' };

describe('WipeScreen', () => {
  it('announces that the kiosk is getting ready, as a status', () => {
    render(<WipeScreen snapshot={wipeSnapshot} />);
    expect(screen.getByRole('status')).toHaveTextContent('Préparation de la borne…');
  });

  it('offers nothing to touch while the visit is erased', () => {
    render(<WipeScreen snapshot={wipeSnapshot} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('speaks English when the visit did', () => {
    render(<WipeScreen snapshot={{ ...wipeSnapshot, language: 'en' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Getting the kiosk ready…');
  });
});
