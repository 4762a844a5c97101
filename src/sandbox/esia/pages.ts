// Minimal HTML for the sandbox provider's pages (login, consent, logout). No external assets.

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{margin:.25rem 0;padding:.5rem 1rem}
.card{border:1px solid #ccd;border-radius:6px;padding:.75rem;margin:.5rem 0}small{color:#667}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}
