/**
 * Opaque cursors for lists paged by position (samples, discordant samples): the position of
 * the next item, so `after: endCursor` continues where a page ended.
 */
export function encodeOffset(position: number): string {
  return Buffer.from(`o:${position}`).toString('base64url');
}

/** The position a cursor stands for; 0 (the start) for no cursor or one that is not ours. */
export function decodeOffset(cursor: string | null | undefined): number {
  const match = cursor ? /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString()) : null;
  return match ? Number(match[1]) : 0;
}
