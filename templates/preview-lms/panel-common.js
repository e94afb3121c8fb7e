/**
 * What the SCORM panel (panel.js) and the xAPI/cmi5 panel (lrs-panel.js) share: the element
 * lookup, one render per animation frame however many calls or statements arrive, and the
 * panel's open/closed toggle, remembered for the tab.
 */
export const $ = (id) => document.getElementById(id);

/** A function that asks for `render` at the next frame, once however often it is called. */
export function renderScheduler(render) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      render();
    });
  };
}

export function setUpPanelToggle() {
  const toggle = $('lms-toggle');
  const setOpen = (open) => {
    toggle.setAttribute('aria-expanded', String(open));
    $('lms-body').hidden = !open;
    $('lms-panel').classList.toggle('lms-closed', !open);
    try {
      sessionStorage.setItem('parcours-preview-lms-panel', open ? 'open' : 'closed');
    } catch {}
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  setOpen(sessionStorage.getItem('parcours-preview-lms-panel') !== 'closed');
}
