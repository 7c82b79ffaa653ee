/** The publish UI the app shell mounts: the header's "Publish" button and the "Publish" sidebar tab. */
export { PublishButton } from './PublishButton';
export { predictServedVersion } from './try-served';
export { VersionsPanel } from './VersionsPanel';
