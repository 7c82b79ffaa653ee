import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { preloadPublishCode } from './publish-actions';
import { captureTokenOnce, useHasWeights } from './usePublishTarget';

// The dialog (and what it imports) loads when first opened, not with the app shell.
const PublishDialog = lazy(() => import('./PublishDialog').then((m) => ({ default: m.PublishDialog })));

/** "Publish": enabled once the project has trained or imported weights; opens the publish dialog. */
export function PublishButton() {
  const hasWeights = useHasWeights();
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('publish');

  useEffect(() => {
    void captureTokenOnce();
  }, []);
  useEffect(() => {
    // Fetch the publishing code while the server is surely up, so Publish works even if it goes away later.
    if (hasWeights) preloadPublishCode().catch(() => undefined);
  }, [hasWeights]);
  return (
    <>
      <button
        type="button"
        disabled={!hasWeights}
        title={hasWeights ? t('publishTitle') : t('needsWeights')}
        onClick={() => setOpen(true)}
      >
        {t('publish')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <PublishDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
