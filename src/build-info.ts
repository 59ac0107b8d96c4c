import { offlineDisabled } from './lib/offline.ts';
import { bindersEnabled } from './lib/binders.ts';

/**
 * When this build ran, the same value on every page: the offline indicator shows it as the date of
 * the copy a reader holds. HUB_BUILT_AT pins it (src/integrations/after-build.ts sets it once per build).
 */
export const BUILT_AT: string = process.env.HUB_BUILT_AT || new Date().toISOString();

/** False when the build ships the kill switch (HUB_OFFLINE=off): pages then register no worker. */
export const OFFLINE_ENABLED: boolean = !offlineDisabled(process.env);

/** True when this build prints the PDF binders (HUB_BINDERS=1): the policy, protocols and paths pages link to them. */
export const BINDERS_ENABLED: boolean = bindersEnabled(process.env);
