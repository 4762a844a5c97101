// Small helpers for writing XML as strings: every text and attribute value goes through esc().

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const esc = (value: string | number | boolean) => String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** `<name>text</name>`, or nothing when the value is undefined. */
export const leaf = (name: string, value: string | number | boolean | undefined | null) =>
  value === undefined || value === null ? '' : `<${name}>${esc(value)}</${name}>`;

export const node = (name: string, ...children: string[]) => `<${name}>${children.join('')}</${name}>`;
