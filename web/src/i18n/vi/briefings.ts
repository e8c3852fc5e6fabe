// Vietnamese strings of the briefings pages.
export const briefings = {};
