import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit (Node) and DOM (happy-dom) tiers. The e2e tier has its own config: it needs built output.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/dom/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    environment: 'node',
  },
});
