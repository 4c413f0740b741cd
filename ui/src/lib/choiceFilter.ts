// Typing in a closed-set select: the clerk types either part of the Chinese label (交通) or its
// pinyin initials as the core sends them ("jt", "jtjs"), the same way the deputy picker finds
// names. Matches that start with the typed text come first, so the option Enter takes (the first
// one, hovered) is the likeliest; otherwise the vocabulary's own order is kept.
import type { Choice } from '../api/types';

export function filterChoices<T extends Choice>(choices: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...choices];
  const starts: T[] = [];
  const inside: T[] = [];
  for (const c of choices) {
    const label = c.label.toLowerCase();
    const initials = c.initials.toLowerCase();
    if (label.startsWith(q) || (initials !== '' && initials.startsWith(q))) starts.push(c);
    else if (label.includes(q) || initials.includes(q)) inside.push(c);
  }
  return [...starts, ...inside];
}
