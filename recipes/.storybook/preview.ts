// msw-storybook-addon starts MSW's worker once; each story adds its own handlers in beforeEach.
import { mswLoader } from 'msw-storybook-addon/csf3';

export default { loaders: [mswLoader()] };
