// Vietnamese strings of the desk pages.
export const desk = {};
