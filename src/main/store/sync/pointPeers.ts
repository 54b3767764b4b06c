import type { Database } from 'better-sqlite3';

export interface PointPeer {
  fingerprint: string;
  deskId: string | null;
  name: string;
  url: string | null;
  isHost: boolean;
  pairedAt: string;
  revokedAt: string | null;
  /** The desk unpaired itself (and wiped its copy); `revokedAt` is set too. */
  unpairedAt: string | null;
  pulledSeq: number;
  pulledResolution: number;
  headSeq: number;
  lastSyncAt: string | null;
  lastSeenMs: number | null;
  clockOffsetMs: number | null;
}

interface PeerRow {
  fingerprint: string;
  desk_id: string | null;
  name: string;
  url: string | null;
  is_host: number;
  paired_at: string;
  revoked_at: string | null;
  unpaired_at: string | null;
  pulled_seq: number;
  pulled_resolution: number;
  head_seq: number;
  last_sync_at: string | null;
  last_seen_ms: number | null;
  clock_offset_ms: number | null;
}

/** The name staff know a desk by lives in `desks`; the peer row keeps the one it paired with until then. */
const PEER_SELECT = `SELECT p.fingerprint, p.desk_id, coalesce(d.name, p.name) AS name, p.url, p.is_host, p.paired_at,
  p.revoked_at, p.unpaired_at, p.pulled_seq, p.pulled_resolution, p.head_seq, p.last_sync_at, p.last_seen_ms, p.clock_offset_ms
  FROM point_peers p LEFT JOIN desks d ON d.desk_id = p.desk_id`;

function toPeer(r: PeerRow): PointPeer {
  return {
    fingerprint: r.fingerprint,
    deskId: r.desk_id,
    name: r.name,
    url: r.url,
    isHost: r.is_host === 1,
    pairedAt: r.paired_at,
    revokedAt: r.revoked_at,
    unpairedAt: r.unpaired_at,
    pulledSeq: r.pulled_seq,
    pulledResolution: r.pulled_resolution,
    headSeq: r.head_seq,
    lastSyncAt: r.last_sync_at,
    lastSeenMs: r.last_seen_ms,
    clockOffsetMs: r.clock_offset_ms,
  };
}

export function listPeers(db: Database): PointPeer[] {
  return (db.prepare(`${PEER_SELECT} ORDER BY name`).all() as PeerRow[]).map(toPeer);
}

export function peerByFingerprint(db: Database, fingerprint: string): PointPeer | null {
  const row = db.prepare(`${PEER_SELECT} WHERE p.fingerprint = ?`).get(fingerprint) as PeerRow | undefined;
  return row ? toPeer(row) : null;
}

/** Pinned and not revoked: the only certificates the sync endpoint talks to. */
export function isTrustedPeer(db: Database, fingerprint: string): boolean {
  return (
    db.prepare('SELECT 1 FROM point_peers WHERE fingerprint = ? AND revoked_at IS NULL').get(fingerprint) !==
    undefined
  );
}

export function hostPeer(db: Database): PointPeer | null {
  const row = db.prepare(`${PEER_SELECT} WHERE p.is_host = 1 AND p.revoked_at IS NULL`).get() as
    PeerRow | undefined;
  return row ? toPeer(row) : null;
}

/** Pins a peer (pairing, or a desk the host vouches for); keeps cursors of a known one. */
export function pinPeer(
  db: Database,
  peer: {
    fingerprint: string;
    name: string;
    deskId: string | null;
    url: string | null;
    isHost: boolean;
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO point_peers (fingerprint, desk_id, name, url, is_host, paired_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(fingerprint) DO UPDATE SET name = excluded.name, is_host = excluded.is_host,
       desk_id = coalesce(excluded.desk_id, point_peers.desk_id), url = coalesce(excluded.url, point_peers.url)`,
  ).run(peer.fingerprint, peer.deskId, peer.name, peer.url, peer.isHost ? 1 : 0, peer.at);
}

/** What a peer said in its hello: who it is, where it listens, and its clock against ours. */
export function notePeerHello(
  db: Database,
  fingerprint: string,
  hello: { deskId: string; name: string; url: string | null; clockOffsetMs: number; seenMs: number },
): void {
  db.prepare(
    `UPDATE point_peers SET desk_id = ?, name = ?, url = coalesce(?, url), clock_offset_ms = ?, last_seen_ms = ?
     WHERE fingerprint = ?`,
  ).run(hello.deskId, hello.name, hello.url, hello.clockOffsetMs, hello.seenMs, fingerprint);
}

export function notePeerSeen(db: Database, fingerprint: string, seenMs: number): void {
  db.prepare('UPDATE point_peers SET last_seen_ms = ? WHERE fingerprint = ?').run(seenMs, fingerprint);
}

export function notePulled(
  db: Database,
  fingerprint: string,
  page: { lastSeq: number; lastResolution: number; headSeq: number; at: string; seenMs: number },
): void {
  db.prepare(
    `UPDATE point_peers SET pulled_seq = max(pulled_seq, ?), pulled_resolution = max(pulled_resolution, ?),
       head_seq = ?, last_sync_at = ?, last_seen_ms = ? WHERE fingerprint = ?`,
  ).run(page.lastSeq, page.lastResolution, page.headSeq, page.at, page.seenMs, fingerprint);
}

export function revokePeer(db: Database, fingerprint: string, at: string): void {
  db.prepare(
    'UPDATE point_peers SET revoked_at = coalesce(revoked_at, ?), is_host = 0 WHERE fingerprint = ?',
  ).run(at, fingerprint);
}

export function setHostPeer(db: Database, fingerprint: string | null): void {
  db.prepare('UPDATE point_peers SET is_host = (fingerprint IS ?)').run(fingerprint);
}

/** The desk asked to leave the point (its copy is wiped next): refused from now on, listed as unpaired. */
export function markPeerUnpaired(db: Database, fingerprint: string, at: string): void {
  db.prepare(
    `UPDATE point_peers SET revoked_at = coalesce(revoked_at, ?), unpaired_at = coalesce(unpaired_at, ?), is_host = 0
     WHERE fingerprint = ?`,
  ).run(at, at, fingerprint);
}
