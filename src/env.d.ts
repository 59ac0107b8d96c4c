/// <reference types="astro/client" />
import type { SeverityTier } from './schemas/index.ts';

declare global {
  namespace App {
    interface Locals {
      /** Set by a protocol's page so <EscalationMatrix /> renders that protocol's tiers. */
      protocolTiers?: SeverityTier[];
    }
  }
}

