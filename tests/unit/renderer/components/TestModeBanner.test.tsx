/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TestModeBanner } from '../../../../renderer/src/components/TestModeBanner';

describe('TestModeBanner', () => {
  it('shows nothing when test automation is off', () => {
    const { container } = render(<TestModeBanner snapshot={{ testAutomation: false, language: 'fr' }} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says the kiosk can be driven remotely, in French', () => {
    render(<TestModeBanner snapshot={{ testAutomation: true, language: 'fr' }} />);
    expect(screen.getByRole('note')).toHaveTextContent('Mode test : la borne est pilotable à distance');
  });

  it('says it in English when the snapshot is in English', () => {
    render(<TestModeBanner snapshot={{ testAutomation: true, language: 'en' }} />);
    expect(screen.getByRole('note')).toHaveTextContent('Test mode: this kiosk can be remote-controlled');
    expect(screen.queryByText(/Mode test/)).not.toBeInTheDocument();
  });

  it('is a note for assistive technologies whose pictogram they do not read', () => {
    const { container } = render(<TestModeBanner snapshot={{ testAutomation: true, language: 'en' }} />);
    expect(screen.getByRole('note')).toHaveAttribute('data-notice', 'test-automation');
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    // Nothing in it can be touched or focused: it catches no touch meant for the screen.
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
