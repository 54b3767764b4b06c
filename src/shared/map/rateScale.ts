/** Shared by the desk's Overzicht and the issuer's HTML report. Viridis in five classes: colour-blind safe, sequential, the lowest rates the darkest. */
const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

export interface RateClass {
  /** Rates as fractions 0..1; `to` is exclusive except in the last class. */
  from: number;
  to: number;
  colour: string;
}

export interface RateScale {
  classes: RateClass[];
  colourOf(rate: number): string;
}

/**
 * Five equal classes from 0 up to the highest rate rounded up to a multiple of 5% (at least 10%):
 * early in the season, when every postcode is below 20%, a postcode at 5% still looks different
 * from one at 18%; at the end the scale runs to 100%. The legend shows the actual ranges.
 */
export function rateScale(maxRate: number): RateScale {
  const top = Math.min(1, Math.max(0.1, Math.ceil((maxRate * 100 - 1e-9) / 5) * 0.05));
  const step = top / VIRIDIS.length;
  const classes = VIRIDIS.map((colour, i) => ({ from: i * step, to: (i + 1) * step, colour }));
  return {
    classes,
    colourOf: (rate) => {
      const index = Math.min(VIRIDIS.length - 1, Math.max(0, Math.floor((rate + 1e-9) / step)));
      return VIRIDIS[index] ?? VIRIDIS[0];
    },
  };
}
