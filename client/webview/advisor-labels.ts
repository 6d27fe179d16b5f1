// Where to write the names of the advisor chart's markers so they overlap neither each other nor the markers:
// a greedy pass in priority order over a few spots around each marker. Pure (CSS pixels in, CSS pixels out).

export interface LabelRequest {
  /** Marker centre. */
  x: number;
  y: number;
  /** Marker radius. */
  r: number;
  /** Text size. */
  width: number;
  height: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The top-left corner of each label, in the order given (callers put the most important first). A label that fits
 * nowhere free goes to its first spot that stays inside `area`, on top of whatever is there.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  area: { width: number; height: number },
): { x: number; y: number }[] {
  const taken: Box[] = requests.map((q) => ({ left: q.x - q.r, top: q.y - q.r, right: q.x + q.r, bottom: q.y + q.r }));
  return requests.map((q) => {
    const gap = q.r + 4;
    const right = q.x + gap;
    const left = q.x - gap - q.width;
    const middle = q.y - q.height / 2;
    // Beside the marker first, then above and below it, then further away in rows (drawn with a leader line).
    const spots: { x: number; y: number }[] = [
      { x: right, y: middle },
      { x: left, y: middle },
      { x: q.x - q.width / 2, y: q.y - gap - q.height },
      { x: q.x - q.width / 2, y: q.y + gap },
    ];
    for (let row = 1; row <= 6; row++) {
      for (const dy of [-row * q.height, row * q.height])
        spots.push({ x: right, y: middle + dy }, { x: left, y: middle + dy });
    }
    const inside = spots.filter(
      (s) => s.x >= 0 && s.y >= 0 && s.x + q.width <= area.width && s.y + q.height <= area.height,
    );
    const box = (s: { x: number; y: number }): Box => ({
      left: s.x,
      top: s.y,
      right: s.x + q.width,
      bottom: s.y + q.height,
    });
    const free = inside.find((s) => !taken.some((t) => overlaps(box(s), t)));
    const chosen = free ?? inside[0] ?? spots[0] ?? { x: right, y: middle };
    taken.push(box(chosen));
    return chosen;
  });
}
