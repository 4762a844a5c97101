// The cabinet's entry, small on purpose. A page the service prerendered (src/http/prerender.ts) is
// already on screen as HTML: let the browser paint it first, then load and run the cabinet, which
// hydrates it. On a phone with a slow processor React's start would otherwise hold back that paint.
// (A prerendered page is inert until then: see Interactive in app/App.tsx.)
import './styles.css';

// Without the cabinet's code (the network failed), the prerendered page's links should at least work.
const start = () => void import('./boot').catch(() => document.getElementById('root')?.removeAttribute('inert'));
if (document.getElementById('domhub-state')) requestAnimationFrame(() => setTimeout(start, 0));
else start();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
