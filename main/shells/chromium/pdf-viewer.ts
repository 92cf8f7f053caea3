/**
 * Chromium's PDF viewer, the page of a built-in extension shown in a frame of its own. Its Print and
 * Download buttons are refused by the managed policies, but a refused press leaves the viewer holding
 * the pointer, so that touches on Borne's bar are lost until the visit times out. Nothing on a kiosk
 * may be printed or saved through the browser, so the two buttons are taken off the toolbar.
 */
const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

/**
 * Runs in every frame the frame guard attaches (before its document's scripts) and acts in the viewer's
 * only. The toolbar is drawn late, inside two shadow roots, and redrawn on resize: it is looked at again
 * four times a second.
 */
export const PDF_VIEWER_SCRIPT = `if (location.origin === ${JSON.stringify(PDF_VIEWER_ORIGIN)}) {
  setInterval(() => {
    const toolbar = document.querySelector('pdf-viewer')?.shadowRoot?.querySelector('viewer-toolbar')?.shadowRoot;
    for (const button of toolbar?.querySelectorAll('#print, viewer-download-controls') ?? []) {
      if (button.style.getPropertyValue('display') !== 'none') button.style.setProperty('display', 'none', 'important');
    }
  }, 250);
}`;
