import { useEffect } from 'react';
import { STANDARD_DISPLAY, type DisplayPreferences } from '../../../common/accessibility';

/**
 * Puts the visit's text size and contrast on <html> (data-text-size, data-contrast), where the
 * stylesheets read them: the root font size scales every rem, the palette switches its variables.
 */
export function useDisplayPreferences(display: DisplayPreferences = STANDARD_DISPLAY) {
  const { textSize, contrast } = display;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.textSize = String(textSize);
    root.dataset.contrast = contrast;
  }, [textSize, contrast]);
}
