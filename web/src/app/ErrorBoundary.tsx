import { Component, type ReactNode } from 'react';
import { ErrorMessage } from '../ui/ui';

/** A screen that throws (or whose chunk fails to load offline) shows a message, not a white page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error) return <ErrorMessage error={this.state.error} retry={() => window.location.reload()} />;
    return this.props.children;
  }
}
