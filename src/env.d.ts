/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by a protocol's page so <EscalationMatrix /> renders that protocol's tiers. */
    protocolTiers?: import('./schemas/index.ts').SeverityTier[];
  }
}
