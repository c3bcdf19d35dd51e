import { Component, type ReactNode } from 'react';

interface Props {
  /** What to say above the error's own message. */
  title: string;
  /** Test id of the failure box (default "part-failed"). */
  testId?: string;
  /** Which part failed, as a data attribute (the report's sections). */
  part?: string;
  children: ReactNode;
}

/** Keeps the rest of the page working when one part fails, and says what failed, in that part's place. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="card part-failed" data-testid={this.props.testId ?? 'part-failed'} data-part={this.props.part}>
          <p className="error" role="alert">{this.props.title}</p>
          <p className="muted small">{this.state.error.message}</p>
        </div>
      );
    }
    return this.props.children;
  }
}
