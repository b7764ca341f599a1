/** Anything that can be put inside an element; empty values are skipped, arrays flattened. */
export type Child = Node | string | null | undefined | false | Child[];

function nodesOf(children: Child[]): (Node | string)[] {
  return children.flatMap((child) =>
    Array.isArray(child)
      ? nodesOf(child)
      : child === null || child === undefined || child === false
        ? []
        : [child],
  );
}

/** Creates an element with attributes (`on*` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, unknown> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (name === 'style' && typeof value === 'object') {
      for (const [prop, v] of Object.entries(value as Record<string, string>))
        element.style.setProperty(prop, v);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...nodesOf(children));
  return element;
}

/** Replaces an element's children. */
export function fill(element: Element, ...children: Child[]): void {
  element.replaceChildren(...nodesOf(children));
}

/**
 * Redraws part of the page without losing the keyboard focus: afterwards the element with the same id,
 * or else the same data-id, inside `root` gets the focus back.
 */
export function keepingFocus(root: Element, redraw: () => void): void {
  const active = document.activeElement;
  let selector: string | null = null;
  if (active && active !== root && root.contains(active)) {
    const dataId = active.getAttribute('data-id');
    if (active.id) selector = `#${CSS.escape(active.id)}`;
    else if (dataId) selector = `${active.tagName.toLowerCase()}[data-id="${CSS.escape(dataId)}"]`;
  }
  redraw();
  if (selector) root.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
}
