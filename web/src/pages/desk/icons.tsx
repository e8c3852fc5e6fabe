// Small inline icons (no icon font to download, no emoji the device may lack).
// Always beside words that say the same: never the only mark.
const Svg = ({ d, class: cls }: { d: string; class?: string }) => (
  <svg
    class={`icon${cls ? ` ${cls}` : ''}`}
    viewBox="0 0 24 24"
    width="16"
    height="16"
    aria-hidden="true"
    focusable="false"
  >
    <path d={d} fill="currentColor" />
  </svg>
);

/** A warning triangle: overdue, critical. */
export const WarningIcon = () => (
  <Svg d="M12 2 1 21h22L12 2zm0 5.5 7.5 12.5h-15L12 7.5zM11 10v5h2v-5h-2zm0 6v2h2v-2h-2z" />
);

/** A clock: due soon. */
export const ClockIcon = () => (
  <Svg d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm-1 3v6l5 3 1-1.7-4-2.4V7h-2z" />
);

/** An exclamation mark in a circle: high urgency. */
export const AlertIcon = () => (
  <Svg d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm-1 3v7h2V7h-2zm0 9v2h2v-2h-2z" />
);
