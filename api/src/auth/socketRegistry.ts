import type { WebSocket } from 'ws';

/** Open WebSockets per session, so logging out closes that session's subscriptions. */
export class SocketRegistry {
  private readonly bySession = new Map<string, Set<WebSocket>>();

  add(tokenHash: string, socket: WebSocket): void {
    const set = this.bySession.get(tokenHash) ?? new Set();
    set.add(socket);
    this.bySession.set(tokenHash, set);
    socket.once('close', () => {
      set.delete(socket);
      if (set.size === 0) this.bySession.delete(tokenHash);
    });
  }

  closeSession(tokenHash: string): void {
    for (const socket of this.bySession.get(tokenHash) ?? []) socket.close(4401, 'Logged out');
    this.bySession.delete(tokenHash);
  }
}
