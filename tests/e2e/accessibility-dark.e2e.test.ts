import { describeMainScreens } from './support/main-screens-a11y.js';

// Dark scheme on a desktop here; the light scheme on a narrow phone is in accessibility.
describeMainScreens('dark', 1280);
