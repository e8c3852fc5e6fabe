// Vietnamese strings of the reporter pages.
export const reporter = {};
