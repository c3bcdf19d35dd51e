import { Component, type ReactNode } from 'react';

interface Props {
  /** What the section is called, for the message ("Theo tuần"). */
  name: string;
  /** Message template with {section}. */
  message: string;
  testId?: string;
  children: ReactNode;
}

/**
 * One part of the report that fails (a chart, a table) says so in its own
 * place; the header, import, filters, the other parts and export stay.
 */
export class SectionBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="card section-failed" data-testid="section-failed" data-section={this.props.testId}>
          <p className="error" role="alert">{this.props.message.replace('{section}', this.props.name)}</p>
          <p className="muted small">{this.state.error.message}</p>
        </div>
      );
    }
    return this.props.children;
  }
}
