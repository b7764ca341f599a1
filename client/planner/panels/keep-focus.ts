/**
 * Redraws part of the page and gives the keyboard focus back to the element of the same id, so that
 * a control that redraws its own panel (a layer switch, the indicator choice) keeps the focus.
 */
export function keepingFocus(root: HTMLElement, redraw: () => void): void {
  const active = document.activeElement;
  const id = active instanceof HTMLElement && root.contains(active) ? active.id : '';
  redraw();
  if (id) root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
}
