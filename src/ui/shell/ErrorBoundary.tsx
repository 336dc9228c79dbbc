import Alert from '@cloudscape-design/components/alert';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** A page that throws shows the error instead of blanking the console. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('page error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <Alert type="error" header="This page failed">
          {this.state.error.name}: {this.state.error.message}
        </Alert>
      );
    }
    return this.props.children;
  }
}
