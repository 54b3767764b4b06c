import type { CardStatus } from './cardStatus';

export type StatusCounts = Record<CardStatus, number>;

export interface PostcodeStats extends StatusCounts {
  postcode: string;
  gemeente: string | null;
  cards: number;
}

export interface CardStats extends StatusCounts {
  cards: number;
  byPostcode: PostcodeStats[];
}
