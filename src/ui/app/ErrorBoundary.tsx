import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
      <PanelError
        area={this.props.area}
        message={error.message}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}

function PanelError({ area, message, onRetry }: { area: string; message: string; onRetry(): void }) {
  const { t } = useTranslation('app');
  return (
    <div className="panel-error" role="alert">
      <p>{t('panelError', { area, error: message })}</p>
      <button type="button" onClick={onRetry}>
        {t('tryAgain')}
      </button>
    </div>
  );
}
