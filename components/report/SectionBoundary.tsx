import type { ReactNode } from 'react';
import { format } from '@/lib/i18n';
import { ErrorBoundary } from '../ErrorBoundary';

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
export function SectionBoundary({ name, message, testId, children }: Props) {
  return (
    <ErrorBoundary title={format(message, { section: name })} testId="section-failed" part={testId}>
      {children}
    </ErrorBoundary>
  );
}
