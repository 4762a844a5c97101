// The cabinet's entry, small on purpose. A page the service prerendered (src/http/prerender.ts) is
// already on screen as HTML: let the browser paint it first, then load and run the cabinet, which
// hydrates it. On a phone with a slow processor React's start would otherwise hold back that paint.
import './styles.css';

const start = () => void import('./boot');
if (document.getElementById('domhub-state')) requestAnimationFrame(() => setTimeout(start, 0));
else start();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
