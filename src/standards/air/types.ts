/**
 * Shared shapes of air-quality data, used by the readers (src/ingest) and the standards (src/standards/air).
 */

/** The six pollutants of the AQI, by the keys ecoplan uses. */
export const POLLUTANTS = ['so2', 'no2', 'pm10', 'pm25', 'co', 'o3'] as const;
/** One of the six AQI pollutants (CO in mg/m³, the others in µg/m³). */
export type Pollutant = (typeof POLLUTANTS)[number];

/**
 * One station's 1-hour concentrations over one calendar year, as published (hour-stamp convention: see
 * docs/standards-notes.md). Index i is hour i of the year: day = floor(i / 24), published hour = i % 24.
 * Length is 24 × days in the year (8760 or 8784). Missing values are NaN.
 */
export interface StationYearSeries {
  station: string;
  year: number;
  hourly: Record<Pollutant, Float64Array>;
}

/** Creates an empty (all missing) series for a station and year. */
export function emptyStationYear(station: string, year: number): StationYearSeries {
  const hours = 24 * daysInYear(year);
  const make = () => new Float64Array(hours).fill(Number.NaN);
  return {
    station,
    year,
    hourly: { so2: make(), no2: make(), pm10: make(), pm25: make(), co: make(), o3: make() },
  };
}

/** Number of days in a calendar year. */
export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}
