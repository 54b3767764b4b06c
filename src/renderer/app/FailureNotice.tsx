import { Icon } from './icons';
import { useT } from './i18n';

/**
 * A call that failed, in words, colour and icon, with a button to try again where that makes
 * sense. Nothing stays busy: the screen works again as soon as the answer comes.
 */
export function FailureNotice({
  text,
  onRetry,
  className = 'panel',
}: {
  text: string;
  onRetry?: () => void;
  className?: string;
}) {
  const t = useT();
  return (
    <div role="alert" className={`failure-notice tone-stop ${className}`} data-testid="failure-notice">
      <Icon name="stop" size={26} />
      <span className="failure-text">{text}</span>
      {onRetry && (
        <button type="button" className="secondary-button" onClick={onRetry}>
          {t('app.failure.retryButton')}
        </button>
      )}
    </div>
  );
}
