/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '../../../../common/snapshot';
import { OutOfServiceScreen } from '../../../../renderer/src/screens/OutOfServiceScreen';
import { attractSnapshot } from '../../../support/renderer-preview/snapshots';

const outOfService: SessionSnapshot = { ...attractSnapshot, screen: 'out-of-service' };

describe('OutOfServiceScreen', () => {
  it('says calmly that the kiosk is unavailable, to come back later, and where to find help', () => {
    render(<OutOfServiceScreen snapshot={outOfService} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Borne momentanément indisponible' })).toBeVisible();
    expect(screen.getByText('Merci de revenir un peu plus tard.')).toBeVisible();
    expect(screen.getByText("Vous pouvez demander de l'aide à l'accueil.")).toBeVisible();
  });

  it('repeats the title and where to find help in the other offered languages', () => {
    render(<OutOfServiceScreen snapshot={outOfService} />);
    expect(screen.getByText('Kiosk temporarily unavailable')).toHaveAttribute('lang', 'en');
    expect(screen.getByText('You can ask for help at the front desk.')).toHaveAttribute('lang', 'en');
  });

  it('repeats nothing on a kiosk that offers one language', () => {
    const { container } = render(<OutOfServiceScreen snapshot={{ ...outOfService, offeredLanguages: ['fr'] }} />);
    expect(container.querySelector('[lang]')).toBeNull();
    expect(screen.queryByText('Kiosk temporarily unavailable')).not.toBeInTheDocument();
  });

  it('offers nothing to touch', () => {
    render(<OutOfServiceScreen snapshot={outOfService} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('leads in English when English is the default', () => {
    render(<OutOfServiceScreen snapshot={{ ...outOfService, language: 'en' }} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Kiosk temporarily unavailable' })).toBeVisible();
    expect(screen.getByText('Borne momentanément indisponible')).toHaveAttribute('lang', 'fr');
  });
});
