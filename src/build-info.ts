import { offlineDisabled } from './lib/offline.ts';

/**
 * When this build ran, the same value on every page: the offline indicator shows it as the date of
 * the copy a reader holds. HUB_BUILT_AT pins it (the offline integration sets it once per build).
 */
export const BUILT_AT: string = process.env.HUB_BUILT_AT || new Date().toISOString();

/** False when the build ships the kill switch (HUB_OFFLINE=off): pages then register no worker. */
export const OFFLINE_ENABLED: boolean = !offlineDisabled(process.env);
