// Small shared pieces of every screen: page frame, skeletons of fixed size, error and status messages.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client';

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/**
 * A grey block of a fixed height, so the page does not jump when the data comes. An <svg> sized by its
 * attributes, not a styled <div>: a prerendered page (src/http/prerender.ts) arrives as HTML, where the
 * CSP refuses style attributes.
 */
export function Skeleton({
  height = 20,
  width = '100%',
  label,
}: {
  height?: number;
  width?: number | string;
  label?: string;
}) {
  const block = <svg className="skeleton" width={width} height={height} aria-hidden="true" focusable="false" />;
  if (!label) return block;
  return (
    <div role="status">
      {block}
      <span className="visually-hidden">{label}</span>
    </div>
  );
}

/** Skeleton cards of the height of the cards they stand for. */
export function SkeletonCards({ count = 3, height = 96 }: { count?: number; height?: number }) {
  return (
    <div className="stack" role="status" aria-label="Загрузка">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders; the position is their identity
        <Skeleton key={i} height={height} />
      ))}
    </div>
  );
}

/** A table that scrolls inside its own box on a narrow screen; focusable so a keyboard can scroll it. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

/** A row of mutually exclusive toggle buttons (a filter), named by a hidden legend. */
export function Toggles<T extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: readonly (readonly [T, ReactNode])[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="tabs">
      <legend className="visually-hidden">{legend}</legend>
      {options.map(([option, label]) => (
        <button
          key={option}
          type="button"
          className={`tab ${value === option ? 'tab-active' : ''}`}
          aria-pressed={value === option}
          onClick={() => onChange(option)}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}

export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(error)}</p>
      {retry ? (
        <button type="button" className="button secondary" onClick={retry}>
          Повторить
        </button>
      ) : null}
    </div>
  );
}

export function Notice({
  kind = 'info',
  children,
}: {
  kind?: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Card({
  children,
  className = '',
  as: Tag = 'div',
}: {
  children: ReactNode;
  className?: string;
  as?: 'div' | 'li' | 'article';
}) {
  return <Tag className={`card ${className}`}>{children}</Tag>;
}

/** A button that shows progress and cannot be pressed twice while its action runs. */
export function Button({
  busy,
  children,
  kind = 'primary',
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  busy?: boolean;
  kind?: 'primary' | 'secondary' | 'danger' | 'link';
}) {
  return (
    <button
      type="button"
      {...rest}
      className={`button ${kind} ${rest.className ?? ''}`}
      disabled={busy || rest.disabled}
      aria-busy={busy || undefined}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

/**
 * Its children only once the place comes near the screen (a skeleton of `height` until then): code and
 * data below the fold, such as the meters' chart, do not compete with what the person sees first.
 */
export function WhenVisible({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || seen) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen]);
  if (seen) return children;
  return (
    <div ref={box}>
      <Skeleton height={height} />
    </div>
  );
}

/**
 * The brand's house (the PWA icon's drawing, web/scripts/icons.ts) inline: the header paints with the
 * page, without asking for an image.
 */
export function BrandMark({ size }: { size: number }) {
  return (
    <svg viewBox="0 0 100 100" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="100" height="100" rx="18" fill="#0b5cad" />
      <path
        transform="translate(10 10) scale(0.8)"
        fill="#fff"
        d="M48 12H52L97.6 50H2.4ZM20 45H80V88H57V64H43V88H20Z"
      />
    </svg>
  );
}
