import { Delaunay } from 'd3-delaunay';
import { geoConicConformal } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { parseCsv } from '../../src/shared/csv/parseCsv';
import { provinceOfPostcode, type Province } from '../../src/shared/domain/postcode';
import type { PostcodeCell, PostcodeCellMap, ProvinceShape } from '../../src/shared/map/postcodeCells';

type Pt = [number, number];

export const MAP_WIDTH = 1000;
const PAD = 10;
/** Belgium in Natural Earth's countries topology (ISO 3166-1 numeric). */
const BELGIUM_ID = '056';
/** Sites closer than this (frame units, ~0.3 km) are one place: spread them on a small circle. */
const SAME_SITE = 0.5;
const NUDGE = 1.5;

export interface PostcodeSite {
  postcode: string;
  plaats: string;
  lat: number;
  lon: number;
}

/** One site per postcode: the mean of its places' coordinates, the first place's name. */
export function postcodeSites(csvText: string): PostcodeSite[] {
  const parsed = parseCsv(csvText, 'be-postcodes.csv');
  const sums = new Map<string, { plaats: string; lat: number; lon: number; n: number }>();
  for (const record of parsed.records) {
    const [postcode, plaats, lat, lon] = record.fields;
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (!postcode || !plaats || !/^\d{4}$/.test(postcode)) continue;
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    const sum = sums.get(postcode) ?? { plaats, lat: 0, lon: 0, n: 0 };
    sum.lat += latitude;
    sum.lon += longitude;
    sum.n += 1;
    sums.set(postcode, sum);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([postcode, s]) => ({ postcode, plaats: s.plaats, lat: s.lat / s.n, lon: s.lon / s.n }));
}

export function belgiumOutline(topology: Topology): Feature<Polygon | MultiPolygon> {
  const countries = topology.objects.countries as GeometryCollection;
  const belgium = countries.geometries.find((g) => String(g.id) === BELGIUM_ID);
  if (!belgium) throw new Error('Belgium (056) is not in the topology');
  return feature(topology, belgium) as Feature<Polygon | MultiPolygon>;
}

/** Belgian Lambert 72's cone: conformal, standard parallels 49°50′ and 51°10′, centred on 4°22′ E. */
export function belgiumProjection(outline: Feature<Polygon | MultiPolygon>) {
  const projection = geoConicConformal()
    .parallels([49 + 50 / 60, 51 + 10 / 60])
    .rotate([-(4 + 22 / 60), 0]);
  projection.fitWidth(MAP_WIDTH - 2 * PAD, outline);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PAD, ty + PAD]);
  return projection;
}

const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/**
 * Sutherland–Hodgman: the part of `subject` (any simple ring, here Belgium's outline) inside the
 * convex, counter-clockwise-or-clockwise ring `clip` (a Voronoi cell). Open rings in and out.
 */
export function clipToConvex(subject: readonly Pt[], clip: readonly Pt[]): Pt[] {
  const orientation = Math.sign(signedArea(clip)) || 1;
  let output: Pt[] = [...subject];
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const a = clip[i] as Pt;
    const b = clip[(i + 1) % clip.length] as Pt;
    const inside = (p: Pt) => cross(a, b, p) * orientation >= 0;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j] as Pt;
      const q = input[(j + 1) % input.length] as Pt;
      const pIn = inside(p);
      const qIn = inside(q);
      if (pIn) output.push(p);
      if (pIn !== qIn) {
        const t = cross(a, b, p) / (cross(a, b, p) - cross(a, b, q));
        output.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return output;
}

export function signedArea(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as Pt;
    const [x1, y1] = ring[(i + 1) % ring.length] as Pt;
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const key = (p: Pt) => `${r1(p[0])} ${r1(p[1])}`;

/** Rounds to 0.1 and drops repeated vertices (the clip leaves some on the cell's corners). */
function tidy(ring: readonly Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const [x, y] of ring) {
    const p: Pt = [r1(x), r1(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

function pathOf(rings: readonly (readonly Pt[])[]): string {
  return rings.map((ring) => `M${ring.map(([x, y]) => `${x} ${y}`).join('L')}Z`).join('');
}

export interface BuiltCells {
  map: PostcodeCellMap;
  /** Per postcode the clipped rings in the frame (for tests: inside the outline, areas add up). */
  rings: Map<string, Pt[][]>;
  /** Sites after nudging, in the frame. */
  sites: Map<string, Pt>;
  invert(p: Pt): Pt | null;
}

/** Spreads sites that fall on one spot around a small circle, in postcode order: every postcode keeps a cell. */
function nudge(points: Pt[]): number {
  const groups = new Map<string, number[]>();
  points.forEach((p, i) => {
    const k = `${Math.round(p[0] / SAME_SITE)} ${Math.round(p[1] / SAME_SITE)}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  let nudged = 0;
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.forEach((index, j) => {
      const angle = (2 * Math.PI * j) / members.length;
      const p = points[index] as Pt;
      points[index] = [p[0] + NUDGE * Math.cos(angle), p[1] + NUDGE * Math.sin(angle)];
      nudged += 1;
    });
  }
  return nudged;
}

export function buildPostcodeCells(csvText: string, topology: Topology, source: string): BuiltCells {
  const outline = belgiumOutline(topology);
  const projection = belgiumProjection(outline);
  const polygons =
    outline.geometry.type === 'Polygon' ? [outline.geometry.coordinates] : outline.geometry.coordinates;
  const outlineRings: Pt[][] = polygons.map((polygon) =>
    (polygon[0] ?? []).slice(0, -1).map((c) => projection([c[0] ?? 0, c[1] ?? 0]) as Pt),
  );
  const height = Math.ceil(Math.max(...outlineRings.flat().map((p) => p[1])) + PAD);

  const sites = postcodeSites(csvText);
  const points = sites.map((s) => projection([s.lon, s.lat]) as Pt);
  nudge(points);
  const voronoi = Delaunay.from(points).voronoi([0, 0, MAP_WIDTH, height]);

  const rings = new Map<string, Pt[][]>();
  const whole = new Map<string, Pt[]>();
  const cells: PostcodeCell[] = sites.map((site, i) => {
    const polygon = voronoi.cellPolygon(i) as Pt[] | null;
    const cell = polygon ? polygon.slice(0, -1) : [];
    whole.set(site.postcode, cell);
    let clipped = outlineRings.map((ring) => tidy(clipToConvex(ring, cell))).filter((r) => r.length >= 3);
    // A site just off the coast or across a border line: keep its whole cell rather than lose it.
    if (clipped.length === 0) clipped = [tidy(cell)];
    rings.set(site.postcode, clipped);
    const xs = clipped.flat().map((p) => p[0]);
    const ys = clipped.flat().map((p) => p[1]);
    return {
      postcode: site.postcode,
      plaats: site.plaats,
      province: provinceOfPostcode(site.postcode),
      d: pathOf(clipped),
      box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    };
  });

  const map: PostcodeCellMap = {
    source,
    width: MAP_WIDTH,
    height,
    outline: pathOf(outlineRings.map(tidy)),
    cells,
    provinces: provinceBorders(cells, whole, outlineRings),
  };
  return {
    map,
    rings,
    sites: new Map(sites.map((s, i) => [s.postcode, points[i] as Pt])),
    invert: (p) => projection.invert?.(p) ?? null,
  };
}

/**
 * A province is the union of its cells: its border is every cell edge that no other cell of the
 * same province has too (shared edges cancel out), chained into lines.
 */
export function provinceEdges(rings: readonly (readonly Pt[])[]): [Pt, Pt][] {
  const count = new Map<string, { edge: [Pt, Pt]; n: number }>();
  for (const ring of rings)
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i] as Pt;
      const b = ring[(i + 1) % ring.length] as Pt;
      if (key(a) === key(b)) continue;
      const k = key(a) < key(b) ? `${key(a)}|${key(b)}` : `${key(b)}|${key(a)}`;
      const entry = count.get(k) ?? { edge: [a, b], n: 0 };
      entry.n += 1;
      count.set(k, entry);
    }
  return [...count.values()].filter((e) => e.n % 2 === 1).map((e) => e.edge);
}

/**
 * The borders come from the unclipped cells, whose shared edges are the same floats on both
 * sides and cancel exactly; the rest is then cut to the part inside Belgium's outline.
 */
function provinceBorders(
  cells: readonly PostcodeCell[],
  whole: Map<string, Pt[]>,
  outline: readonly Pt[][],
): ProvinceShape[] {
  const byProvince = new Map<Province, Pt[][]>();
  for (const cell of cells)
    byProvince.set(cell.province, [...(byProvince.get(cell.province) ?? []), whole.get(cell.postcode) ?? []]);
  return [...byProvince.entries()].map(([province, provinceRings]) => ({
    province,
    border: chain(provinceEdges(provinceRings).flatMap((edge) => insideParts(edge, outline))),
  }));
}

export function insideRings(p: Pt, rings: readonly (readonly Pt[])[]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Pt;
      const [xj, yj] = ring[j] as Pt;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** The pieces of a segment inside the outline: split where it crosses, keep pieces whose middle is in. */
function insideParts([a, b]: [Pt, Pt], outline: readonly Pt[][]): [Pt, Pt][] {
  const ts = [0, 1];
  for (const ring of outline)
    for (let i = 0; i < ring.length; i++) {
      const c = ring[i] as Pt;
      const d = ring[(i + 1) % ring.length] as Pt;
      const denominator = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
      if (denominator === 0) continue;
      const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / denominator;
      const u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / denominator;
      if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
    }
  ts.sort((x, y) => x - y);
  const at = (t: number): Pt => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  const parts: [Pt, Pt][] = [];
  for (let i = 0; i + 1 < ts.length; i++) {
    const t0 = ts[i] as number;
    const t1 = ts[i + 1] as number;
    if (t1 - t0 > 1e-9 && insideRings(at((t0 + t1) / 2), outline)) parts.push([at(t0), at(t1)]);
  }
  return parts;
}

/** Edges into polylines (`M…L…L…`), so the border path stays short. */
function chain(edges: readonly [Pt, Pt][]): string {
  const from = new Map<string, number[]>();
  edges.forEach(([a, b], i) => {
    from.set(key(a), [...(from.get(key(a)) ?? []), i]);
    from.set(key(b), [...(from.get(key(b)) ?? []), i]);
  });
  const used = new Set<number>();
  const parts: string[] = [];
  edges.forEach(([a, b], start) => {
    if (used.has(start)) return;
    used.add(start);
    const line: Pt[] = [a, b];
    let end = b;
    for (;;) {
      const next = (from.get(key(end)) ?? []).find((i) => !used.has(i));
      if (next === undefined) break;
      used.add(next);
      const [p, q] = edges[next] as [Pt, Pt];
      end = key(p) === key(end) ? q : p;
      line.push(end);
    }
    parts.push(`M${line.map(([x, y]) => `${r1(x)} ${r1(y)}`).join('L')}`);
  });
  return parts.join('');
}

export const POSTCODE_CELLS_SOURCE =
  'Voronoi cells of assets/be-postcodes.csv (GeoNames, CC BY 4.0), clipped to Belgium from Natural Earth 1:10m (public domain) via world-atlas 2.0.2; scripts/make-postcode-map.ts';

/** One cell per line: diffs stay readable, the file stays small. */
export function serialiseCells(map: PostcodeCellMap): string {
  const { cells, provinces, ...head } = map;
  const list = (items: readonly unknown[]) => items.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  const headJson = JSON.stringify(head, null, 2).slice(0, -2);
  return `${headJson},\n  "cells": [\n${list(cells)}\n  ],\n  "provinces": [\n${list(provinces)}\n  ]\n}\n`;
}
