import { useEffect, useState } from 'react';
import { preloadPublishCode } from './publish-actions';
import { PublishDialog } from './PublishDialog';
import { captureTokenOnce, useHasWeights } from './usePublishTarget';

/** "Publish": enabled once the project has trained or imported weights; opens the publish dialog. */
export function PublishButton() {
  const hasWeights = useHasWeights();
  const [open, setOpen] = useState(false);
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
        title={
          hasWeights
            ? 'Publish the trained model to the serving endpoint'
            : 'Train the model (or import one with weights) to publish it'
        }
        onClick={() => setOpen(true)}
      >
        Publish
      </button>
      {open && <PublishDialog onClose={() => setOpen(false)} />}
    </>
  );
}
