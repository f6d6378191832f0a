// Storybook (html-vite) with msw-storybook-addon: public/ serves mockServiceWorker.js.
import type { StorybookConfig } from '@storybook/html-vite';

const config: StorybookConfig = {
  framework: '@storybook/html-vite',
  stories: ['../storybook/*.stories.ts'],
  addons: ['msw-storybook-addon'],
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};
export default config;
