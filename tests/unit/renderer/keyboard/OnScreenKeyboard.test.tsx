/// <reference lib="dom" />
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../common/language';
import { OnScreenKeyboard } from '../../../../renderer/src/keyboard/OnScreenKeyboard';
import { KEYBOARD_LAYOUTS } from '../../../../common/keyboard-layouts';

/** A controlled search field, as the home screen's will be, beside the keyboard; `typed` is what React saw. */
function SearchAndKeyboard({ language, onTyped }: { language: Language; onTyped: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <>
      <label>Recherche<input type="search" value={value} onChange={(e) => { setValue(e.target.value); onTyped(e.target.value); }} /></label>
      <input type="text" aria-label="Sans clavier" data-keyboard="off" />
      <OnScreenKeyboard language={language} />
    </>
  );
}

function show(language: Language = 'fr') {
  const typed: string[] = [];
  const view = render(<SearchAndKeyboard language={language} onTyped={(v) => typed.push(v)} />);
  return { typed, field: screen.getByRole('searchbox') as HTMLInputElement, view };
}
const keyboard = () => screen.queryByRole('group', { name: /Clavier|Keyboard/ });
const key = (name: string) => within(keyboard()!).getByRole('button', { name: (accessible) => accessible === name });

let scrolled: Element[] = [];
const scrollIntoView = Element.prototype.scrollIntoView;
beforeEach(() => {
  scrolled = [];
  // jsdom lays nothing out: record what the keyboard asks to bring into view.
  Element.prototype.scrollIntoView = function (this: Element) { scrolled.push(this); };
  vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
});
afterEach(() => {
  vi.unstubAllGlobals();
  // jsdom has none; a keyboard effect that React runs after the test (a loaded machine) must not throw.
  Element.prototype.scrollIntoView = scrollIntoView ?? (() => {});
});

describe('the on-screen keyboard', () => {
  it('shows only while a kiosk text field has the focus, and brings that field into view above it', async () => {
    const { field } = show();
    expect(keyboard()).toBeNull();
    await userEvent.click(field);
    expect(keyboard()).toBeVisible();
    // The effect that brings the field into view runs once React has committed the keyboard.
    await waitFor(() => expect(scrolled).toContain(field));
    await userEvent.click(screen.getByRole('textbox', { name: 'Sans clavier' }));
    expect(keyboard()).toBeNull();
  });

  it('types at the caret into a React-controlled field, which keeps the focus', async () => {
    const { field, typed } = show();
    await userEvent.click(field);
    for (const letter of ['c', 'a', 'f']) await userEvent.click(key(letter));
    expect(field).toHaveValue('caf');
    expect(typed.at(-1)).toBe('caf');
    expect(field).toHaveFocus();
    field.setSelectionRange(1, 1);
    await userEvent.click(key('é'));
    expect(field).toHaveValue('céaf');
    await userEvent.click(key('⌫ Effacer'));
    expect(field).toHaveValue('caf');
    await userEvent.click(key('Espace'));
    await userEvent.click(key('⇧ Majuscule'));
    await userEvent.click(key('A'));
    // Shift is for one letter.
    await userEvent.click(key('b'));
    expect(field).toHaveValue('c Abaf');
    expect(field).toHaveFocus();
  });

  it('follows the visit\'s language: AZERTY in French, QWERTY in English, and a key switches layouts', async () => {
    const { field, view } = show('fr');
    await userEvent.click(field);
    const firstLetters = () => within(keyboard()!).getAllByRole('button').slice(10, 16).map((b) => b.textContent).join('');
    expect(firstLetters()).toBe('azerty');
    view.rerender(<SearchAndKeyboard language="en" onTyped={() => {}} />);
    expect(firstLetters()).toBe('qwerty');
    await userEvent.click(screen.getByRole('button', { name: 'Switch to the عربي keyboard' }));
    expect(keyboard()).toHaveAttribute('data-layout', 'arabic');
    await userEvent.click(key('ب'));
    await userEvent.click(key('لا'));
    expect(field).toHaveValue('بلا');
    expect(field).toHaveFocus();
  });

  it('hides when asked, leaving the field', async () => {
    const { field } = show('en');
    await userEvent.click(field);
    await userEvent.click(key('Hide'));
    expect(keyboard()).toBeNull();
    expect(field).not.toHaveFocus();
  });

  it('has every layout\'s keys distinct in a row (each is one button)', () => {
    for (const layout of Object.values(KEYBOARD_LAYOUTS)) {
      for (const row of [...layout.rows, ...(layout.shifted ?? [])]) expect(new Set(row).size).toBe(row.length);
    }
  });
});
