/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectingScreen } from '../../../../renderer/src/screens/ConnectingScreen';

describe('ConnectingScreen', () => {
  it('announces in French, as a status, that the kiosk is connecting', () => {
    render(<ConnectingScreen />);
    expect(screen.getByRole('status')).toHaveTextContent(/^Connexion…$/);
    expect(screen.getByText('La borne démarre. Merci de patienter.')).toBeVisible();
  });

  it('says to wait in every language, since nobody has chosen one yet', () => {
    render(<ConnectingScreen />);
    expect(screen.getByText('The kiosk is starting. Please wait.')).toHaveAttribute('lang', 'en');
  });

  it('offers nothing to touch', () => {
    render(<ConnectingScreen />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
