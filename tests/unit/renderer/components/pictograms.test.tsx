/// <reference lib="dom" />
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as pictograms from '../../../../renderer/src/components/pictograms';

// Every export of the module, so a pictogram added later is held to the same rules.
const all = Object.entries(pictograms);

describe('pictograms', () => {
  it('are all found (the module exports components only)', () => {
    expect(all.map(([name]) => name)).toEqual(expect.arrayContaining([
      'TouchPictogram', 'GlobePictogram', 'ThermometerPictogram', 'HeartPictogram', 'ClockPictogram',
      'CheckPictogram', 'CrossPictogram', 'RemotePictogram', 'WaitingDots',
    ]));
    for (const [, Pictogram] of all) expect(typeof Pictogram).toBe('function');
  });

  it.each(all)('%s illustrates the text beside it: hidden from screen readers, never focused', (_name, Pictogram) => {
    const { container } = render(<Pictogram className="given" />);
    const drawing = container.firstElementChild;
    expect(drawing).toHaveAttribute('aria-hidden', 'true');
    expect(drawing).toHaveClass('given');
    if (drawing?.tagName.toLowerCase() === 'svg') expect(drawing).toHaveAttribute('focusable', 'false');
    // No text of its own that a screen reader or a search for words could pick up.
    expect(container).toHaveTextContent(/^$/);
  });

  it('keeps the waiting dots recognisable when given a size class', () => {
    const { container } = render(<pictograms.WaitingDots className="waiting-dots--small" />);
    expect(container.firstElementChild).toHaveClass('waiting-dots', 'waiting-dots--small');
    expect(container.firstElementChild?.children).toHaveLength(3);
  });
});
