/// <reference lib="dom" />
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { IdleWarningDialog } from '../../../../renderer/src/components/IdleWarningDialog';

describe('IdleWarningDialog', () => {
  it('asks whether the person is still there, as an alert dialog named by its question', () => {
    render(<IdleWarningDialog secondsLeft={12} language="fr" onStillHere={() => {}} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Êtes-vous toujours là ?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('12 secondes Touchez le bouton pour continuer.');
  });

  it('counts down the seconds it is given, in the singular at one', () => {
    const { rerender } = render(<IdleWarningDialog secondsLeft={2} language="fr" onStillHere={() => {}} />);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveAccessibleDescription(/^2 secondes /);
    rerender(<IdleWarningDialog secondsLeft={1} language="fr" onStillHere={() => {}} />);
    expect(dialog).toHaveAccessibleDescription(/^1 seconde /);
    rerender(<IdleWarningDialog secondsLeft={0} language="fr" onStillHere={() => {}} />);
    expect(dialog).toHaveAccessibleDescription(/^0 seconde /);
  });

  it('puts the focus on its one button, so a key press answers it', () => {
    render(<IdleWarningDialog secondsLeft={12} language="fr" onStillHere={() => {}} />);
    expect(screen.getByRole('button', { name: 'Je suis toujours là' })).toHaveFocus();
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });

  it('answers "I am still here" once per touch of its button', async () => {
    const onStillHere = vi.fn();
    render(<IdleWarningDialog secondsLeft={12} language="fr" onStillHere={onStillHere} />);
    expect(onStillHere).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Je suis toujours là' }));
    expect(onStillHere).toHaveBeenCalledOnce();
  });

  it('answers from the keyboard too', async () => {
    const onStillHere = vi.fn();
    render(<IdleWarningDialog secondsLeft={12} language="fr" onStillHere={onStillHere} />);
    await userEvent.keyboard('{Enter}');
    expect(onStillHere).toHaveBeenCalledOnce();
  });

  it('speaks English when the visit does', () => {
    render(<IdleWarningDialog secondsLeft={1} language="en" onStillHere={() => {}} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog).toHaveAccessibleDescription('1 second Touch the button to continue.');
    expect(screen.getByRole('button', { name: "I'm still here" })).toBeVisible();
  });
});
