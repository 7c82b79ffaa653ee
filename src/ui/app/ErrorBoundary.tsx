import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the part of the studio, for the message. */
  area: string;
  children: ReactNode;
}

/** Keeps one broken panel from blanking the whole studio: it says what failed and offers to try again. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed`, error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert">
        <p>
          The {this.props.area} hit a problem and stopped: {error.message}. Your project is saved; the rest of
          the studio still works.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
