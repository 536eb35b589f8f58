// Small DOM builders. User text always goes in as textContent, never as markup.

/** `document.createElement` with a class and, optionally, its text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button that runs `action` on click (and on Enter/Space, as buttons do). */
export function button(text: string, action: () => void, className = "btn"): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  b.addEventListener("click", action);
  return b;
}

/** A labelled form control: the label wraps its text and the control so a click focuses it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  const wrap = el("label", "field");
  wrap.append(el("span", "field-label", label), control);
  if (hint) wrap.append(el("span", "field-hint", hint));
  return wrap;
}

export function input(value: string, name: string, type = "text"): HTMLInputElement {
  const i = el("input");
  i.type = type;
  i.name = name;
  i.value = value;
  return i;
}

export function textarea(value: string, name: string, rows = 3): HTMLTextAreaElement {
  const t = el("textarea");
  t.name = name;
  t.rows = rows;
  t.value = value;
  return t;
}

/** A select of `[value, label]` options with `current` chosen. */
export function select(options: readonly (readonly [string, string])[], current: string, name: string): HTMLSelectElement {
  const s = el("select");
  s.name = name;
  for (const [value, label] of options) {
    const o = el("option", undefined, label);
    o.value = value;
    s.append(o);
  }
  s.value = current;
  return s;
}

/** A view's header: a title and an optional line under it. */
export function header(title: string, subtitle?: string): HTMLElement {
  const h = el("header", "view-header");
  h.append(el("h1", "view-title", title));
  if (subtitle) h.append(el("p", "view-subtitle", subtitle));
  return h;
}
