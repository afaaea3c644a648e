import { describeMainScreens } from './support/main-screens-a11y.js';

// Light scheme on a narrow phone here; the dark scheme on a desktop is in accessibility-dark.
describeMainScreens('light', 360);
