/// <reference lib="dom" />
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InOtherLanguages } from '../../../../renderer/src/components/InOtherLanguages';

describe('InOtherLanguages', () => {
  it('repeats each line in each language given, in order, each marked with its language', () => {
    const { container } = render(
      <InOtherLanguages languages={['en', 'fr']} texts={['outOfService.title', 'outOfService.help']} className="lead" />,
    );
    const lines = Array.from(container.querySelectorAll('span'));
    expect(lines.map((line) => [line.lang, line.textContent])).toEqual([
      ['en', 'Kiosk temporarily unavailable'],
      ['en', 'You can ask for help at the front desk.'],
      ['fr', 'Borne momentanément indisponible'],
      ['fr', "Vous pouvez demander de l'aide à l'accueil."],
    ]);
    for (const line of lines) expect(line).toHaveClass('other-language', 'lead');
  });

  it('shows nothing when there is no other language', () => {
    const { container } = render(<InOtherLanguages languages={[]} texts={['attract.invitation']} />);
    expect(container).toBeEmptyDOMElement();
  });
});
