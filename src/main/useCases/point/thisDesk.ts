/** This desk as it introduces itself to the others (hello). */
export interface ThisDesk {
  deskId: string;
  name: string;
  fingerprint: string;
  url: string | null;
}
