import { Component, type ReactNode } from 'react';

interface Props {
  /** What to say above the error's own message. */
  title: string;
  children: ReactNode;
}

/** Keeps the rest of the page working when one part fails, and says what failed. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <section className="card" role="alert" data-testid="part-failed">
          <p className="error">{this.props.title}</p>
          <p className="muted small">{this.state.error.message}</p>
        </section>
      );
    }
    return this.props.children;
  }
}
